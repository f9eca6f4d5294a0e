import * as tcb from '@cloudbase/node-sdk'
import { readFileSync } from 'fs'
import { dirname } from 'path'
import { db, getApp, storage } from '../../cloudfunctions/_core/cloud'
import { col, localCloud, rejection } from './helpers'

const local = localCloud()

describe('the SDK seam', () => {
  test('when the SDK is loaded then it is the pinned @cloudbase/node-sdk 3.18.3 with @cloudbase/database 1.4.3', () => {
    expect(tcb.version).toBe('3.18.3')
    const pkg = JSON.parse(readFileSync(require.resolve('@cloudbase/node-sdk/package.json'), 'utf8'))
    expect(pkg.version).toBe('3.18.3')
    expect(pkg.dependencies['@cloudbase/database']).toBe('1.4.3')
    // the copy node-sdk itself loads (other packages may hoist another version to the top level)
    const fromSdk = { paths: [dirname(require.resolve('@cloudbase/node-sdk/package.json'))] }
    const dbPkg = JSON.parse(readFileSync(require.resolve('@cloudbase/database/package.json', fromSdk), 'utf8'))
    expect(dbPkg.version).toBe('1.4.3')
  })

  test('when db() builds queries then every request goes through the local request class', async () => {
    const hook = local.handle().hook
    const sent: string[] = []
    const send = hook.reqClass.prototype.send
    hook.reqClass.prototype.send = function (this: unknown, action: string, params?: Record<string, unknown>) {
      sent.push(action)
      return send.call(this, action, params)
    }
    try {
      const q = col()
      expect((q as unknown as { _request: unknown })._request).toBeInstanceOf(hook.reqClass)
      await col().add({ n: 1 })
      await col().where({ n: 1 }).get()
      await col().count()
      expect(sent).toEqual(['database.insertDocument', 'database.getDocument', 'database.calculateDocument'])
    } finally {
      hook.reqClass.prototype.send = send
    }
  })

  test('when the local request class fails then the SDK call fails with that error', async () => {
    const hook = local.handle().hook
    const send = hook.reqClass.prototype.send
    hook.reqClass.prototype.send = () => Promise.reject(Object.assign(new Error('seam broken'), { code: 'SEAM' }))
    try {
      const err = await rejection(col().get())
      expect(err.code).toBe('SEAM')
    } finally {
      hook.reqClass.prototype.send = send
    }
  })

  test('when app.database() is called directly after db() then queries still stay local', async () => {
    await col().add({ _id: 'k', n: 1 })
    const direct = getApp().database()
    const res = await direct.collection('conformance_docs').doc('k').get()
    expect(res.data).toEqual([{ _id: 'k', n: 1 }])
    expect(db().collection('conformance')).toBeDefined()
  })

  test('when storage uploads a file then the fileID is cloud://local.* and the temp URL is served by the gateway', async () => {
    const { fileID } = await storage.uploadFile({ cloudPath: 'qr/sheet 1.pdf', fileContent: Buffer.from('pdf!') })
    expect(fileID).toBe('cloud://local.local-bucket/qr/sheet 1.pdf')
    const [url] = await storage.getTempFileURL([fileID])
    expect(url).toEqual({ fileID, tempFileURL: 'http://127.0.0.1:9999/files/qr/sheet%201.pdf' })
    expect(local.handle().readFile('qr/sheet 1.pdf')?.toString()).toBe('pdf!')
    expect(local.handle().readFile('../etc/passwd')).toBeNull()
    expect(local.handle().readFile('qr/missing.pdf')).toBeNull()
  })

  test('when the handle is reset then every document is gone and the declared collections still exist', async () => {
    await col().add({ n: 1 })
    await col('conformance_orders').add({ userId: 'u' })
    local.handle().reset()
    expect((await col().count()).total).toBe(0)
    expect((await col('conformance_orders').count()).total).toBe(0)
  })
})
