import { AppError, compactCertificateNumber, type IssuedCertificate, type qrcodesContract } from '../../../types'
import { storage } from '../../_core/cloud'
import { SCENE, screen } from '../../_core/contentCheck'
import { checkFits, decideIssue, todayOf } from '../../_core/domain/certificates'
import { newId } from '../../_core/ids'
import { maskPhone } from '../../_core/mask'
import { findUsers } from '../../_core/repos/users'
import type { Handler } from '../../_core/serve'
import {
  certificateView,
  loadCertificate,
  newCertificateNumber,
  notifyDecision,
  periodService,
  refused,
  stepCertificate,
} from '../../_core/workflows/certificates'
import { renderCertificate } from '../certificate'
import { qrUrlPrefix } from './sheet'

/**
 * Where a certificate's QR points: the stairwell prefix's sibling `/v/` (set CERT_URL_PREFIX where it differs), to be
 * registered in the mini-program's admin like the others and mapped to packages/volunteer/pages/verify/index.
 */
export const certificateUrlPrefix = (): string => process.env.CERT_URL_PREFIX || qrUrlPrefix().replace(/\/s\/?$/, '/v/')

export const verifyUrlOf = (number: string) => `${certificateUrlPrefix()}${compactCertificateNumber(number)}`

/**
 * An organiser issues a requested certificate: the period's service is recounted from the record now (so the total
 * printed is the record's), the page is printed with a fresh random number and the QR of its verification link, stored
 * privately, and the request becomes the certificate — once: of two organisers issuing at once, one certificate stands
 * and the other hears it was decided (its file is removed). The organisation's name is printed for strangers to read,
 * so it passes the content check.
 */
export const issueCertificate: Handler<typeof qrcodesContract.actions.issueCertificate> = async (input, ctx) => {
  const by = { openid: ctx.openid, name: ctx.user?.name ?? '' }
  if (!by.name) throw new AppError('PROFILE.NAME_REQUIRED')
  // who may, and whether it still waits: checked before anything is printed
  const { certificate: c, community } = await loadCertificate(ctx, input.certificateId, true)
  if (c.status !== 'requested') throw new AppError('CERTIFICATE.NOT_PENDING')
  const verdict = await screen({ texts: [input.organisation] }, { openid: ctx.openid, scene: SCENE.forum })
  if (verdict.suggest === 'review') throw new AppError('CONTENT.REVIEW')

  const service = await periodService(c.communityId, c.openid, c.from, c.to)
  const unfit = checkFits(service.rows.length, service.training.length, service.commendations.length)
  if (unfit) return refused(unfit)
  const [volunteer] = await findUsers([c.openid])
  const issued: IssuedCertificate = {
    volunteerName: volunteer?.name || c.name,
    maskedPhone: maskPhone(volunteer?.phone),
    communityName: community.name,
    organisation: input.organisation,
    contact: input.contact,
    issuerName: by.name,
    issuedOn: todayOf(ctx.now),
    activities: service.rows,
    totalMinutes: service.totalMinutes,
    training: service.training,
    commendations: service.commendations,
  }
  const number = newCertificateNumber()
  const verifyUrl = verifyUrlOf(number)
  const { pdf, layout } = await renderCertificate({ number, verifyUrl, from: c.from, to: c.to, issued })
  const { fileID } = await storage.uploadFile({ cloudPath: `private/certificates/${c.communityId}/${newId()}.pdf`, fileContent: Buffer.from(pdf) })
  let saved
  try {
    saved = await stepCertificate(ctx, c._id, (fresh) => decideIssue(fresh, issued, number, verifyUrl, fileID, by, ctx.now))
  } catch (e) {
    await storage.deleteFile([fileID]).catch(() => undefined)
    throw e
  }
  await notifyDecision(saved.certificate, community, ctx.now.toISOString())
  const [file] = await storage.getTempFileURL([fileID])
  return { certificate: certificateView(ctx, community, saved.certificate, null), fileID, url: file.tempFileURL, layout }
}
