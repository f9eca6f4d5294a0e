import { AppError, type WishDoc, type wishesContract } from '../../../types'
import { contactOf } from '../../_core/domain/wishes'
import { maskName } from '../../_core/mask'
import { findHousehold, findMember } from '../../_core/repos/places'
import { findUser } from '../../_core/repos/users'
import type { Handler } from '../../_core/serve'
import { loadWish } from '../access'

/** The requester's number: their own, else the register's for them (a resident without the app), else their household's. */
async function requesterPhone(w: WishDoc): Promise<string | null> {
  const user = w.requesterOpenid ? await findUser(w.requesterOpenid) : null
  if (user?.phone) return user.phone
  const member = w.requesterMemberId ? await findMember(w.requesterMemberId) : null
  if (member?.phone) return member.phone
  return (await findHousehold(w.householdId))?.phone ?? null
}

/**
 * The other party's number, read when the call is made and handed only to the requester and the claimant while the
 * claim stands or awaits confirmation. The app dials it (Taro.makePhoneCall) and never shows it.
 */
export const contact: Handler<typeof wishesContract.actions.contact> = async (input, ctx) => {
  const { wish, actor } = await loadWish(ctx, input.wishId)
  const whom = contactOf(wish, actor, ctx.now)
  if (!whom) throw new AppError('AUTH.FORBIDDEN')
  const phone = whom === 'claimant' ? ((await findUser(wish.claim!.openid))?.phone ?? null) : await requesterPhone(wish)
  if (!phone) throw new AppError('WISH.NO_PHONE')
  return { phone, name: maskName(whom === 'claimant' ? wish.claim!.name : wish.requesterName) }
}
