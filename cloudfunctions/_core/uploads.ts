/**
 * Whose a stored file is. The app uploads every photo and file under `uploads/<the uploader's OPENID>/` (on weapp the
 * cloudPath is chosen by the mini-program, and CloudBase's storage rules let a user write only there; locally the
 * gateway puts it there), so the path says who uploaded it.
 */

/** The cloudPath of a fileID (`cloud://<env>.<bucket>/<cloudPath>`), or null when it is not one. */
export const cloudPathOf = (fileID: string): string | null => {
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID)
  return m ? m[1] : null
}

export const ownedBy = (fileID: string, openid: string): boolean => {
  const path = cloudPathOf(fileID)
  return !!path && path.startsWith(`uploads/${openid}/`) && !path.split('/').some((s) => s === '..' || s === '.')
}

/** Every fileID anywhere in a parsed input: photos, attachments, an uploaded table. */
export function fileIDsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.startsWith('cloud://')) out.push(value)
  } else if (Array.isArray(value)) {
    for (const v of value) fileIDsIn(v, out)
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) fileIDsIn(v, out)
  }
  return out
}
