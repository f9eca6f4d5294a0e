import path from 'path'
import { importsOf, violationsIn, violationsOf } from '../../scripts/layers'

const root = path.resolve(__dirname, '../..')

describe('the layer rules', () => {
  it('hold on the whole tree: pages, contract, domain, queries and the SDK door each import only what their layer may', () => {
    expect(violationsIn(root)).toEqual([])
  })

  it.each([
    ['pages', 'src/pages/index/index.tsx', "import { findTicket } from '../../../cloudfunctions/_core/repos/tickets'"],
    ['pages', 'src/lib/api.ts', "import { seed } from '../../local/demo'"],
    ['contract', 'types/tickets.ts', "import { decide } from '../cloudfunctions/_core/domain/ticket'"],
    ['domain', 'cloudfunctions/_core/domain/ticket.ts', "import { saveTicket } from '../repos/tickets'"],
    ['domain', 'cloudfunctions/_core/domain/council.ts', "import { db } from '../cloud'"],
    ['domain', 'cloudfunctions/_core/domain/wishes.ts', "import type { Suggest } from '../wx'"],
    ['queries', 'cloudfunctions/tickets/actions/list.ts', "import { collection } from '../../_core/repos/base'"],
    ['queries', 'cloudfunctions/sweeper/sweep.ts', "const { command } = require('../_core/repos/base')"],
    ['sdk', 'cloudfunctions/_core/serve.ts', "import tcb from '@cloudbase/node-sdk'"],
    ['sdk', 'cloudfunctions/sweeper/index.ts', "const tcb = await import('@cloudbase/node-sdk')"],
  ])('when a planted import breaks the %s rule (%s), then it is found', (rule, file, line) => {
    expect(violationsOf(file, `${line}\nexport const x = 1\n`)).toEqual([expect.objectContaining({ rule, file })])
  })

  it('when the imports are the allowed ones, then nothing is found', () => {
    expect(violationsOf('cloudfunctions/_core/repos/tickets.ts', "import { collection } from './base'")).toEqual([])
    expect(violationsOf('cloudfunctions/_core/cloud.ts', "import * as tcb from '@cloudbase/node-sdk'")).toEqual([])
    expect(violationsOf('cloudfunctions/tickets/actions/list.ts', "import { ticketsPage } from '../../_core/repos/tickets'")).toEqual([])
    expect(violationsOf('src/pages/index/index.tsx', "import type { TicketView } from '../../../types'")).toEqual([])
  })

  it('when a module is only named in a comment, then it is not an import', () => {
    expect(importsOf('src/a.ts', "// import { x } from '../cloudfunctions/y'\n/* require('../local/z') */\nconst a = 1")).toEqual([])
  })
})
