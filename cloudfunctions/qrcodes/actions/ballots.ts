import { AppError, BALLOTS_PER_FILE, type qrcodesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { areaText, renderBallots } from '../rollPapers'
import { headOf, loadRoll, numberOf, printedName, storePaper } from './roll'

/**
 * Paper ballots of a matter's vote, one per roll entry, each carrying the entry's number — the number paper entry
 * shows beside the entry and finds it by, and the one staff type as the ballot's number — so a returned ballot is
 * entered against its voter without searching.
 *
 * Secret ballots. Neither the residents' meeting (城市居民委员会组织法) nor art. 278 prescribes one (DOMAIN.md: one vote
 * each, nobody twice, the tally public once closed); the vote chooses, and the app's secret ballot keeps no link
 * between a voter and a choice — the receipt has no choice, the ballot no name, nobody reads a choice back. Paper
 * entry cannot keep that link from the person entering: staff pick the voter's roll entry and the ballot's choice
 * together. A numbered ballot reveals no more than that — its number leads to a voter only through the roll, which
 * those staff already hold — so a secret ballot carries the number and nothing else about its voter: no name, no
 * flat, no area (the entry carries the weight, not the paper) and no signature line. It tells the voter not to write
 * a name or a mark, and says what the number is for; identity is checked where it belongs, on the signed sign-in
 * sheet bearing the same number. An open (记名) ballot names its voter (masked, flat in full), their area where area
 * counts, and asks for a signature, as owners' written votes usually do.
 */
export const ballots: Handler<typeof qrcodesContract.actions.ballots> = async (input, ctx) => {
  const roll = await loadRoll(ctx, input.matterId)
  const { vote, matter } = roll
  const from = input.from ?? 1
  const to = input.to ?? roll.entries.length
  // a batch by number (a large roll), or one lost ballot printed again: the same number for the same voter
  const entries = roll.entries.filter((e) => e.seq >= from && e.seq <= to)
  if (!entries.length)
    throw new AppError(
      'INPUT.INVALID',
      `名单上没有这些票号：本次表决的票号是 ${numberOf(vote, roll.entries[0])} 至 ${numberOf(vote, roll.entries[roll.entries.length - 1])}`,
      [{ path: 'from', message: '票号超出名单' }],
    )
  if (entries.length > BALLOTS_PER_FILE) {
    throw new AppError('INPUT.INVALID', `一次最多打印${BALLOTS_PER_FILE}张选票，请按票号分批打印（如 1 至 ${BALLOTS_PER_FILE}）`, [
      { path: 'to', message: `最多${BALLOTS_PER_FILE}张` },
    ])
  }
  const byArea = vote.rule !== 'meeting'
  const { pdf, pages, perPage } = await renderBallots({
    ...headOf(roll),
    choices: vote.choices.map((c) => c.label),
    schemes: matter.options.length >= 2,
    secret: vote.secret,
    byArea,
    unit: vote.unit,
    ballots: entries.map((e) => ({
      no: numberOf(vote, e),
      voter: vote.secret ? '' : [e.place, printedName(vote, e)].filter(Boolean).join(' '),
      area: vote.secret || !byArea ? null : areaText(e.area),
    })),
  })
  const file = await storePaper('ballots', roll.community._id, pdf)
  return {
    ...file,
    voteId: vote._id,
    entries: entries.length,
    pages,
    perPage,
    secret: vote.secret,
    firstNo: numberOf(vote, entries[0]),
    lastNo: numberOf(vote, entries[entries.length - 1]),
  }
}
