import { Button } from '@tarojs/components'
import { call } from '../../../api'
import { useSubmit } from '../../../hooks/useRemote'
import { toast } from '../../../components/ConfirmModal'
import { openSheet } from '../../../components/openDocument'

/** The roll (who voted and how, never what) and the result against each threshold, as an Excel file for the meeting's records. */
export function ExportVote({ voteId }: { voteId: string }) {
  const { busy, run } = useSubmit()
  const exportSheet = () =>
    run(async () => {
      const res = await call('sheets', 'exportVote', { voteId })
      if (!res.ok) return toast(res.error.message)
      await openSheet(res.data)
    })
  return (
    <Button className='btn btn-plain btn-block' disabled={busy} loading={busy} onClick={() => void exportSheet()}>
      导出名单和计票结果（Excel）
    </Button>
  )
}
