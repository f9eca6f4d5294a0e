import { AppError, type volunteersContract } from '../../../types'
import { storage } from '../../_core/cloud'
import type { Handler } from '../../_core/serve'
import { loadCertificate } from '../../_core/workflows/certificates'

/** The issued PDF behind a link valid 15 minutes: for the volunteer and the community's organisers; not once revoked. */
export const certificateFile: Handler<typeof volunteersContract.actions.certificateFile> = async (input, ctx) => {
  const { certificate } = await loadCertificate(ctx, input.certificateId, false)
  if (certificate.status !== 'issued' || !certificate.fileID || !certificate.number) throw new AppError('CERTIFICATE.NOT_ISSUED')
  const [file] = await storage.getTempFileURL([certificate.fileID])
  return { certificateId: certificate._id, number: certificate.number, url: file.tempFileURL }
}
