import type { councilContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { ballotNo } from '../../_core/domain/rollNumbers'
import { rollPage } from '../../_core/repos/council'
import { loadVote } from '../access'

/**
 * The roll with who has voted and through which channel: what they chose is not here, whatever the ballot. Each entry
 * carries the number printed on its paper ballot, and `q` finds an entry by that number too.
 */
export const roll: Handler<typeof councilContract.actions.roll> = async (input, ctx) => {
  const { vote } = await loadVote(ctx, input.voteId)
  const page = await rollPage(vote, { page: input.page, pageSize: input.pageSize }, input.q)
  return {
    ...page,
    // the ballot's choices, for entering paper ballots
    choices: vote.choices.map((c) => ({ id: c.id, label: c.label })),
    items: page.items.map((e) => ({
      key: e.key,
      ballotNo: e.seq ? ballotNo(e.seq, vote.rollCount) : null,
      label: e.label,
      area: Math.round(e.area) / 100,
      voted: !!e.receipt,
      channel: e.receipt?.channel ?? null,
      paperNo: e.receipt?.paperNo ?? null,
    })),
  }
}
