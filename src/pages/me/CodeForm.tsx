import { useState } from 'react'
import { View, Text, Button, Input } from '@tarojs/components'
import type { ErrorBody } from '../../../types'
import { useSubmit } from '../../hooks/useRemote'
import { confirm } from '../../components/ConfirmModal'

/** A short code typed from a slip of paper: upper-cased, length-checked, confirmed before it is used. */
export function CodeForm(props: {
  title: string
  hint: string
  length: number
  submitText: string
  confirmText: (code: string) => string
  onSubmit: (code: string) => Promise<ErrorBody | null>
}) {
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const { busy, run } = useSubmit()
  // printed codes come in groups (ABCDE-FGHJK): spaces and dashes are not part of the code
  const clean = code.replace(/[\s-]/g, '').toUpperCase()
  const ready = new RegExp(`^[A-Z0-9]{${props.length}}$`).test(clean)

  const submit = () =>
    run(async () => {
      setError(null)
      if (!ready) {
        setError(`请输入${props.length}位字母或数字`)
        return
      }
      if (!(await confirm(props.title, props.confirmText(clean)))) return
      const err = await props.onSubmit(clean)
      if (err) setError(err.message)
      else setCode('')
    })

  return (
    <View className='card code-form'>
      <Text className='subtitle'>{props.title}</Text>
      <Text className='muted'>{props.hint}</Text>
      <Input
        className='input code-input'
        value={code}
        maxlength={props.length + 2}
        placeholder={`${props.length}位字母或数字`}
        ariaLabel={props.title}
        onInput={(e) => setCode(e.detail.value)}
      />
      {error ? <Text className='error-message'>{error}</Text> : null}
      <Button className='btn btn-primary btn-block' disabled={busy} loading={busy} onClick={() => void submit()}>
        {props.submitText}
      </Button>
    </View>
  )
}
