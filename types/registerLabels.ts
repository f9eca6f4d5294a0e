/**
 * The household register's names and labels, free of zod so the mini-program can import the values.
 *
 * A household (户) is one dwelling on the roll: the people registered as living there (members) and, apart from
 * them, the owner of the dwelling as an exclusive unit (专有部分) — who may live elsewhere, may own several units, or
 * may be the developer for units not yet sold or not yet delivered.
 */

/** How the dwelling is held, for counting owners (最高人民法院建筑物区分所有权司法解释 第8–9条). */
export const OWNERSHIPS = ['owned', 'unsold', 'undelivered'] as const
export type Ownership = (typeof OWNERSHIPS)[number]
export const OWNERSHIP_LABELS: Record<Ownership, string> = {
  owned: '已交付',
  unsold: '开发商未售',
  undelivered: '已售未交付',
}

/** Relations to the head of household, as registers write them; free text is accepted too (up to 10 characters). */
export const RELATIONS = ['户主', '配偶', '子女', '父母', '孙辈', '兄弟姐妹', '其他'] as const
export const HEAD_RELATION = '户主'

/** The age from which a resident belongs to the residents' meeting (城市居民委员会组织法 第十条). */
export const ADULT_AGE = 18

/** Import template: the columns staff fill in, one row per person (household columns may repeat or stay blank). */
export const REGISTER_COLUMNS = ['楼栋', '单元', '房号', '姓名', '与户主关系', '出生日期', '电话', '面积', '产权人', '产权人编号', '产权状态'] as const

/**
 * Bounds of one register import: a street-sized community (3 000 households of three people) with room to spare, as
 * a file well under 1 MB in .xlsx. Larger files are refused before they are read (IMPORT.TOO_LARGE).
 */
export const MAX_IMPORT_ROWS = 30_000
export const MAX_IMPORT_FILE_BYTES = 8 * 1024 * 1024
