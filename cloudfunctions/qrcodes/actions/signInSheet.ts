import type { qrcodesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { VOTE_UNIT_NOUNS } from '../../../types'
import { renderSignInSheet } from '../rollPapers'
import { headOf, loadRoll, numberOf, printedName, rollLabelOf, storePaper } from './roll'

/**
 * The roll's sign-in sheet for the offline meeting: one row per entry, numbered as its ballot, with a signature
 * column. Its totals — entries and, where area counts, their area — are summed from the rows printed, so they are
 * the roll's own recount, whatever was stored beside the vote. Names as on the ballots (see printedName).
 */
export const signInSheet: Handler<typeof qrcodesContract.actions.signInSheet> = async (input, ctx) => {
  const roll = await loadRoll(ctx, input.matterId)
  const { vote, entries } = roll
  const byArea = vote.rule !== 'meeting'
  const register = vote.rollKind === 'residents' || vote.rollKind === 'owners'
  const { pdf, pages } = await renderSignInSheet({
    ...headOf(roll),
    rollLabel: rollLabelOf(vote),
    noun: VOTE_UNIT_NOUNS[vote.unit] ?? '人',
    byArea,
    placeHeader: register ? (vote.rollKind === 'owners' ? '房屋' : '住址') : null,
    nameHeader: vote.rollKind === 'owners' ? '业主' : vote.unit === 'household' ? '户主' : '姓名',
    rows: entries.map((e) => ({ no: numberOf(vote, e), place: e.place ?? '', name: printedName(vote, e), area: byArea ? e.area : 0 })),
  })
  const file = await storePaper('signin', roll.community._id, pdf)
  const area = byArea ? entries.reduce((n, e) => n + Math.round(e.area), 0) / 100 : 0
  return {
    ...file,
    voteId: vote._id,
    entries: entries.length,
    pages,
    area,
    firstNo: numberOf(vote, entries[0]),
    lastNo: numberOf(vote, entries[entries.length - 1]),
  }
}
