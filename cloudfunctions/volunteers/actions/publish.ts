import { randomBytes } from 'crypto'
import { AppError, type VolunteerActivityDoc, type volunteersContract } from '../../../types'
import { SCENE, screen } from '../../_core/contentCheck'
import { checkSchedule } from '../../_core/domain/volunteers'
import { activityIdFor, insertActivity } from '../../_core/repos/volunteers'
import type { Handler } from '../../_core/serve'
import { activityView } from '../views'
import { mustHaveName, refused } from '../access'

/** Staff or the branch publish an activity; a retry with the same request id answers the same activity. */
export const publish: Handler<typeof volunteersContract.actions.publish> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const name = mustHaveName(ctx)
  const times = {
    startAt: new Date(input.startAt).toISOString(),
    endAt: new Date(input.endAt).toISOString(),
    deadline: new Date(input.deadline).toISOString(),
  }
  const bad = checkSchedule(times, ctx.now)
  if (bad) return refused(bad)
  // the title and description reach every resident: risky is refused; 'review' too, asking to rephrase (an activity
  // is time-bound, so holding it for a reviewer would let its sign-up window pass unseen)
  const verdict = await screen({ texts: [input.title, input.description, input.place, input.organiser] }, { openid: ctx.openid, scene: SCENE.forum })
  if (verdict.suggest === 'review') throw new AppError('CONTENT.REVIEW')
  const at = ctx.now.toISOString()
  const doc: VolunteerActivityDoc = {
    _id: activityIdFor(ctx.openid, input.requestId),
    communityId: community._id,
    streetId: community.streetId,
    title: input.title,
    description: input.description,
    place: input.place,
    ...times,
    capacity: input.capacity,
    organiser: input.organiser,
    skills: [...new Set(input.skills)],
    codeSecret: randomBytes(32).toString('hex'),
    createdBy: ctx.openid,
    createdByName: name,
    createdAt: at,
    updatedAt: at,
  }
  const stored = await insertActivity(doc)
  return activityView(ctx, community, stored)
}
