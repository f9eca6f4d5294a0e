import ExcelJS from 'exceljs'
import { OWNERSHIP_LABELS, OWNERSHIPS, REGISTER_COLUMNS, RELATIONS } from '../../types'

/** The template's rows: one row per person, the register's patterns each shown once (as the README's example). */
export const TEMPLATE_SHEET = '住户名册'
export const TEMPLATE_EXAMPLE: (string | number | null)[][] = [
  ['9栋', '1单元', '101', '周大明', '户主', '1958-04-02', '13911110001', 100, '周大明', 'ZDM-1', '已交付'],
  ['9栋', '1单元', '101', '钱玉华', '配偶', '1960', null, null, null, null, null],
  ['9栋', '1单元', '102', null, null, null, null, 100, '周大明', 'ZDM-1', '已交付'],
  ['9栋', '1单元', '301', null, null, null, null, 120, '星河置业有限公司', null, '开发商未售'],
]

const NOTES: [string, string][] = [
  ['楼栋、单元、房号', '必填。房号只能是数字、字母或短横线，如 101、A-1201。'],
  ['姓名', '每行一人。不填姓名的行表示这套房屋没有登记居住人员（如空置房、未售房），只登记面积和产权。'],
  ['与户主关系', '户主、配偶、子女、父母、孙辈、兄弟姐妹、其他，或自行填写（10个字以内）。'],
  ['出生日期', '如 1958-04-02；只知道年份时填 1958。用于判断是否年满18周岁（居民会议表决名单）。'],
  ['电话', '手机或座机，可不填。'],
  ['面积', '专有部分面积（平方米）。同一户填在其中一行即可。'],
  ['产权人、产权人编号', '同一人名下有多套房屋时，各套填同一个产权人编号；不填编号时按姓名视为同一业主。'],
  ['产权状态', `${OWNERSHIPS.map((o) => OWNERSHIP_LABELS[o]).join('、')}。开发商未售、已售未交付的房屋，产权人填开发商名称。`],
  ['示例行', `“${TEMPLATE_SHEET}”表第2–${TEMPLATE_EXAMPLE.length + 1}行是示例，导入前请删除，换成本社区的数据。`],
  ['导入', '可直接导入本文件（.xlsx），也可另存为 CSV。有任何一行出错时整份表格都不会导入，按提示的工作表和行号修改后重新导入即可。'],
]

/** Columns kept as text, so Excel never turns 0101 into 101, a phone into 1.39E+10, or a birth year into a date. */
const TEXT_COLUMNS = new Set<string>(['房号', '出生日期', '电话', '产权人编号'])

/** The import template: the columns, example rows, drop-down lists where the values are fixed, and how to fill it in. */
export async function registerTemplate(now: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '社区码上办'
  wb.created = now
  const ws = wb.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = REGISTER_COLUMNS.map((c) => ({ key: c, width: c === '产权人' ? 20 : c.length > 3 ? 14 : 10, style: TEXT_COLUMNS.has(c) ? { numFmt: '@' } : {} }))
  ws.addRow([...REGISTER_COLUMNS]).font = { bold: true }
  for (const r of TEMPLATE_EXAMPLE) ws.addRow(r).font = { color: { argb: 'FF808080' } }
  const column = (name: (typeof REGISTER_COLUMNS)[number]) => ws.getColumn(REGISTER_COLUMNS.indexOf(name) + 1).letter
  // exceljs writes a keyed range as one validation over it (typed only on the cell)
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations
  validations.add(`${column('产权状态')}2:${column('产权状态')}5000`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${OWNERSHIPS.map((o) => OWNERSHIP_LABELS[o]).join(',')}"`],
    showErrorMessage: true,
    errorTitle: '产权状态',
    error: '请从列表中选择',
  })
  validations.add(`${column('与户主关系')}2:${column('与户主关系')}5000`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${RELATIONS.join(',')}"`],
    // other relations may be typed in: the list only helps
    showErrorMessage: false,
  })
  const notes = wb.addWorksheet('填写说明')
  notes.columns = [{ width: 20 }, { width: 90 }]
  notes.addRow(['列', '怎么填']).font = { bold: true }
  for (const n of NOTES) notes.addRow(n)
  notes.getColumn(2).alignment = { wrapText: true, vertical: 'top' }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
