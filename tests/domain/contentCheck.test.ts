import { checkContent, checkImages, checkText, screen } from '../../cloudfunctions/_core/contentCheck'
import { installLocalWx } from '../../local/wx'

const who = { openid: 'dev-resident', scene: 3 as const }
let uninstall: () => void
const saved = { risky: process.env.CONTENT_RISKY_WORDS, review: process.env.CONTENT_REVIEW_WORDS }

beforeAll(() => {
  uninstall = installLocalWx()
})
afterEach(() => {
  for (const [k, v] of [
    ['CONTENT_RISKY_WORDS', saved.risky],
    ['CONTENT_REVIEW_WORDS', saved.review],
  ] as const) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
})
afterAll(() => uninstall())

describe('content check against the local stand-in', () => {
  it('when no word lists are configured, then the demo words decide: 赌博 risky, 投诉曝光 review, the rest pass', async () => {
    delete process.env.CONTENT_RISKY_WORDS
    delete process.env.CONTENT_REVIEW_WORDS
    expect(await checkText('楼下有人赌博', who)).toMatchObject({ suggest: 'risky', label: 20006 })
    expect(await checkText('要去投诉曝光', who)).toMatchObject({ suggest: 'review' })
    expect(await checkText('楼道灯坏了', who)).toMatchObject({ suggest: 'pass', label: 100 })
    expect(await checkText('   ', who)).toMatchObject({ suggest: 'pass' })
  })

  it('when the word lists come from the environment, then they replace the demo words (comma-separated)', async () => {
    process.env.CONTENT_RISKY_WORDS = '西瓜, 苹果'
    process.env.CONTENT_REVIEW_WORDS = '香蕉'
    expect((await checkText('买苹果', who)).suggest).toBe('risky')
    expect((await checkText('吃香蕉', who)).suggest).toBe('review')
    expect((await checkText('楼下有人赌博', who)).suggest).toBe('pass')
    process.env.CONTENT_RISKY_WORDS = ''
    expect((await checkText('买苹果', who)).suggest).toBe('pass')
  })

  it('when images are checked locally, then they pass unless their path says risky or review', async () => {
    expect((await checkImages(['cloud://env/a.png'], who)).suggest).toBe('pass')
    expect((await checkImages(['cloud://env/a.png', 'cloud://env/review-1.png'], who)).suggest).toBe('review')
    expect((await checkImages(['cloud://env/review-1.png', 'cloud://env/risky-1.png'], who)).suggest).toBe('risky')
  })

  it('when text and images come together, then the worst verdict wins, and screen refuses risky with CONTENT.RISKY', async () => {
    expect((await checkContent({ texts: ['楼道灯坏了', null], images: ['cloud://env/review.png'] }, who)).suggest).toBe('review')
    await expect(screen({ texts: ['赌博'] }, who)).rejects.toMatchObject({ code: 'CONTENT.RISKY' })
    expect((await screen({ texts: ['楼道灯坏了'] }, who)).suggest).toBe('pass')
  })

  it('when WeChat cannot be asked, then the content is held for review, neither shown unchecked nor refused', async () => {
    const prev = globalThis.__LOCAL_WX__!
    globalThis.__LOCAL_WX__ = { ...prev, msgSecCheck: () => Promise.reject(new Error('network')), mediaCheckAsync: () => Promise.reject(new Error('network')) }
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {})
    try {
      expect(await checkText('楼道灯坏了', who)).toMatchObject({ suggest: 'review', judged: true })
      expect((await checkImages(['cloud://env/a.png'], who)).suggest).toBe('review')
    } finally {
      globalThis.__LOCAL_WX__ = prev
      spy.mockRestore()
    }
  })

  it('when WeChat answers an image check later (production), then the image counts as review, awaiting its trace id', async () => {
    const prev = globalThis.__LOCAL_WX__!
    globalThis.__LOCAL_WX__ = { ...prev, mediaCheckAsync: async () => ({ traceId: 'trace-9' }) }
    try {
      expect(await checkImages(['cloud://env/a.png'], who)).toEqual({ suggest: 'review', label: null, awaitingTraceIds: ['trace-9'], judged: false })
    } finally {
      globalThis.__LOCAL_WX__ = prev
    }
  })
})
