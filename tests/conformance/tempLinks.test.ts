import { getApp, PRIVATE_LINK_MAX_AGE_S, storage } from '../../cloudfunctions/_core/cloud'

/** What the functions ask of CloudBase itself (no local hook) when they hand out a link to a stored file. */
describe('temp links on CloudBase', () => {
  afterEach(() => jest.restoreAllMocks())

  it('when links to a private file and a photo are asked for, then the private one is asked with a short maxAge as node-sdk 3.18.3 takes it, the photo as it is', async () => {
    expect(globalThis.__LOCAL_CLOUDBASE__).toBeUndefined()
    const privateFile = 'cloud://env-1.bucket/private/exports/c-1/0123456789abcdef0123456789abcdef.csv'
    const photo = 'cloud://env-1.bucket/uploads/u/20261122/a.png'
    const asked = jest.spyOn(getApp(), 'getTempFileURL').mockResolvedValue({
      fileList: [
        { code: 'SUCCESS', fileID: privateFile, tempFileURL: 'https://tcb/private?sign=1' },
        { code: 'SUCCESS', fileID: photo, tempFileURL: 'https://tcb/photo?sign=2' },
      ],
    } as Awaited<ReturnType<ReturnType<typeof getApp>['getTempFileURL']>>)
    const links = await storage.getTempFileURL([privateFile, photo])
    expect(asked).toHaveBeenCalledWith({ fileList: [{ fileID: privateFile, maxAge: PRIVATE_LINK_MAX_AGE_S }, photo] })
    expect(PRIVATE_LINK_MAX_AGE_S).toBeLessThanOrEqual(900)
    expect(links.map((l) => l.tempFileURL)).toEqual(['https://tcb/private?sign=1', 'https://tcb/photo?sign=2'])
  })
})
