import { z } from 'zod'
import { action, communityId, defineFunction, id, returns } from './core'
import { councilContract } from './council'
import { placesContract, type ImportResult } from './places'
import { ticketsContract } from './tickets'
import { volunteersContract } from './volunteers'

/** A workbook the function stored privately, handed out as a link valid 15 minutes (as exports and QR sheets are). */
export interface SheetFile {
  fileID: string
  url: string
  /** what to call it on the phone or the computer, e.g. 报事列表-幸福社区-20261122.xlsx */
  filename: string
  /** data rows written (the roll's entries, the tickets, the service records…) */
  rows: number
}

const uploaded = () =>
  z
    .string()
    .trim()
    .regex(/^cloud:\/\/[^\s]{1,300}$/, '文件地址不正确')

/**
 * Excel in and out. A function of its own, as `qrcodes` is: the spreadsheet library weighs megabytes the everyday
 * functions should not load at every cold start. Each export is a view of another function's action in another
 * format: it takes that action's input and is allowed to exactly the roles that action allows (read from its
 * contract here, never restated), and its handler runs that action's own checks and figures.
 */
export const sheetsContract = defineFunction('sheets', {
  registerTemplate: action({
    summary: '下载住户名册导入模板（Excel，含各列和示例行）',
    input: z.object({ communityId: communityId() }).strict(),
    output: returns<SheetFile>(),
    access: placesContract.actions.importCsv.access,
  }),
  importRegister: action({
    summary: '从上传的 Excel（.xlsx）或 CSV（UTF-8 或 GBK）文件导入住户名册；有错误时整份不导入',
    input: z.object({ communityId: communityId(), fileID: uploaded() }).strict(),
    output: returns<ImportResult>(),
    access: placesContract.actions.importCsv.access,
  }),
  exportTickets: action({
    summary: '导出报事列表（Excel，筛选条件同报事列表）',
    input: ticketsContract.actions.list.input.omit({ page: true, pageSize: true }),
    output: returns<SheetFile>(),
    access: ticketsContract.actions.list.access,
  }),
  exportDashboard: action({
    summary: '导出“三率”看板的各张表（Excel）',
    input: ticketsContract.actions.dashboard.input,
    output: returns<SheetFile>(),
    access: ticketsContract.actions.dashboard.access,
  }),
  exportVolunteers: action({
    summary: '导出志愿服务记录（Excel）：某位志愿者，或全社区某一年',
    input: volunteersContract.actions.export.input,
    output: returns<SheetFile>(),
    access: volunteersContract.actions.export.access,
  }),
  exportVote: action({
    summary: '导出一次表决的名单（谁已投票，不含投票内容）和计票结果（Excel）',
    input: z.object({ voteId: id() }).strict(),
    output: returns<SheetFile>(),
    access: councilContract.actions.roll.access,
  }),
})

export type SheetsContract = typeof sheetsContract
