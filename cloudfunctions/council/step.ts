import { AppError, type MatterDoc, type MatterView } from '../../types'
import { decideMatter, type MatterEvent } from '../_core/domain/council'
import { saveMatter } from '../_core/repos/council'
import type { Ctx } from '../_core/serve'
import { notifyMatter } from '../_core/workflows/council'
import { actorOf, loadMatter } from './access'
import { matterView } from './views'

/**
 * Load → decide → save → notify, re-deciding on the fresh matter when someone else wrote first (the version check
 * makes two concurrent steps land one after the other, never both on the same stage).
 */
export async function step(ctx: Ctx, matterId: string, eventFor: (m: MatterDoc) => Promise<MatterEvent> | MatterEvent): Promise<MatterView> {
  for (let attempt = 0; ; attempt++) {
    const { matter, community } = await loadMatter(ctx, matterId)
    const d = decideMatter(matter, await eventFor(matter), actorOf(ctx, community), ctx.now)
    if (!d.ok) throw new AppError(d.code, d.message)
    if (await saveMatter(matter, d.next)) {
      await notifyMatter(d.effects, d.next, ctx.now.toISOString())
      return matterView(ctx, community, d.next)
    }
    if (attempt >= 3) throw new AppError('CONFLICT')
  }
}
