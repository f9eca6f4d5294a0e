import { db } from '../../../cloudfunctions/_core/cloud'

export { localCloud, rejection } from '../helpers'

/**
 * Tencent's database tests (TencentCloudBase/node-sdk, test/database) run against a live environment and make their
 * collections on demand (`safeCollection`: create when missing, then add the fixture). Here the same: the collection is
 * created at run time (the local database drops such collections at every reset, i.e. before each test) and filled in
 * the fixture's order.
 */
export async function collectionWith(name: string, docs: object[] = []) {
  await db().createCollection(name)
  const coll = db().collection(name)
  if (docs.length) await coll.add(docs)
  return coll
}

export const cmd = () => db().command
export const agg = () => db().command.aggregate
