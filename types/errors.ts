import { WISH_ERROR_MESSAGES } from './wishLabels'
import { CERTIFICATE_ERROR_MESSAGES } from './certificateLabels'

/**
 * Stable error codes shared by the functions and the mini-program. Clients branch on `code`, never on `message`;
 * messages are Chinese and fit to show a person as they are.
 */
export const ERROR_MESSAGES = {
  'AUTH.NOT_SIGNED_IN': '请先登录后再操作',
  'AUTH.FORBIDDEN': '您没有权限进行此操作',
  'AUTH.DEV_IDENTITY_REFUSED': '仅本地演示环境可以切换身份',
  'INPUT.INVALID': '填写的内容有误，请检查后重试',
  'FN.UNKNOWN_FUNCTION': '不支持的功能',
  'FN.UNKNOWN_ACTION': '不支持的操作',
  'HTTP.BAD_REQUEST': '请求格式不正确，请刷新页面后重试',
  'HTTP.NOT_FOUND': '没有找到这个地址',
  'HTTP.METHOD_NOT_ALLOWED': '不支持这种请求方式',
  'HTTP.TOO_LARGE': '请求内容太大了，请减少内容后重试',
  'HTTP.TIMEOUT': '请求超时，请检查网络后重试',
  'AUTH.DEV_IDENTITY_INVALID': '演示身份的编号格式不正确',
  'FILE.LINK_INVALID': '文件链接无效或已过期，请回到页面重新打开',
  NOT_FOUND: '没有找到相关内容',
  CONFLICT: '操作冲突，请刷新后重试',
  INTERNAL: '服务暂时出了点问题，请稍后再试',
  'DB.DUPLICATE_KEY': '该记录已存在',
  'INVITE.NOT_FOUND': '邀请码不存在，请核对后重新输入',
  'INVITE.EXPIRED': '邀请码已过期，请联系社区重新获取',
  'INVITE.USED': '邀请码已被使用',
  'INVITE.ROLE_NOT_ALLOWED': '您不能发放该身份的邀请码',
  'PROFILE.NAME_REQUIRED': '请先在“我的”页面填写姓名',
  'HOUSEHOLD.NOT_FOUND': '没有找到该住户',
  'HOUSEHOLD.CODE_INVALID': '住户绑定码不正确或已失效，请核对社区发给您家的绑定通知',
  'CODE.TOO_MANY_TRIES': '输错次数太多，为防止他人猜码，请稍后再试',
  'HOUSEHOLD.ALREADY_BOUND': '您已绑定该住户',
  'HOUSEHOLD.REQUEST_PENDING': '您的绑定申请正在审核中',
  'HOUSEHOLD.MEMBER_NOT_FOUND': '没有找到这位家庭成员',
  'HOUSEHOLD.MEMBER_TAKEN': '这位家庭成员已由另一位用户绑定，如有疑问请联系社区',
  'HOUSEHOLD.ALREADY_MEMBER': '您已登记为本社区的一位家庭成员，一个人只能对应名册上的一位成员',
  'HOUSEHOLD.NO_OWNER': '这户还没有登记产权人，请先在住户名册中登记',
  'HOUSEHOLD.OWNER_TAKEN': '这位产权人已由另一位用户绑定，如有疑问请联系社区',
  'BINDING.NOT_PENDING': '该申请已处理过了',
  'PLACE.UNKNOWN_CODE': '没有找到这个楼道码，请确认二维码是否完整',
  'PLACE.NOT_FOUND': '没有找到该地点',
  'PLACE.DUPLICATE_NAME': '同名的地点已存在',
  'PLACE.GRID_MISMATCH': '该网格不属于此社区',
  'PLACE.NOT_A_MEMBER': '该用户不是本社区的网格员',
  'UPLOAD.FAILED': '照片上传失败，请重试',
  'UPLOAD.TOO_LARGE': '照片太大了，请换一张（不超过10MB）',
  'UPLOAD.NOT_AN_IMAGE': '只能上传照片（JPG、PNG 或 WebP）',
  'UPLOAD.NOT_YOURS': '只能使用您自己上传的照片或文件，请重新选择后上传',
  'TICKET.NOT_FOUND': '没有找到这条报事',
  'TICKET.INVALID_TRANSITION': '当前状态不能进行此操作',
  'TICKET.CATEGORY_UNKNOWN': '本社区没有这个问题类型，请重新选择',
  'TICKET.NOT_IN_GRID': '该人员不是本网格的网格员',
  'TICKET.ASSIGNEE_INVALID': '该人员不能办理这条报事',
  'TICKET.ALREADY_FOLLOWING': '您已关注这条报事',
  'TICKET.ALREADY_RATED': '您已评价过了',
  'TICKET.ESCALATE_LEVEL': '只能上报到更高一级',
  'TICKET.MERGE_INVALID': '只能合并到本社区另一条未办结的报事',
  'TICKET.NOT_DUE': '还没到期限，无需处理',
  'TICKET.TEMPLATE_NOT_FOUND': '没有找到这条常用回复',
  'TICKET.TEMPLATES_FULL': '本社区的常用回复已达上限（100条），请先修改已有的回复',
  'CALLBACK.NOT_FOUND': '这条报事不在回访名单中',
  'CALLBACK.ENDED': '这条回访已经结束了',
  'CALLBACK.OWN_TICKET': '您办理过这条报事，回访须由办理人以外的人员进行',
  'CALLBACK.SAME_GRID': '本网格的报事请由网格长、社区工作人员或其他网格的网格员回访',
  'CALLBACK.TAKEN': '已有其他人员正在回访这位居民，请稍后再看',
  'CALLBACK.NOT_DUE': '今天已经打过电话了，未接通的回访请改天再打',
  'CALLBACK.NO_PHONE': '报事人没有留下电话，请上门回访后记录结果',
  'COUNCIL.NOT_FOUND': '没有找到这个议题',
  'COUNCIL.INVALID_STAGE': '议题当前所处的环节不能进行此操作，请按“四议两公开”的顺序办理',
  'COUNCIL.VOTE_NOT_FOUND': '没有找到这次表决',
  'COUNCIL.VOTE_NOT_OPEN': '表决不在进行中（尚未开始或已经结束）',
  'COUNCIL.NOT_ON_ROLL': '您不在本次表决的名单中',
  'COUNCIL.ALREADY_VOTED': '已经投过票了，每人（户）只计一票',
  'COUNCIL.PAPER_NUMBER_USED': '这个纸质票编号已经录入过了',
  'COUNCIL.ROLL_EMPTY': '按所选范围没有可参加表决的人员',
  'COUNCIL.AREA_MISSING': '有房屋缺少专有部分面积，不能按民法典第278条表决，请先在住户名册中补全面积',
  'COUNCIL.OWNER_MISSING': '有房屋没有登记产权人或产权状态，不能按民法典第278条表决，请先在住户名册中补全',
  'COUNCIL.MEETING_DATE': '会议日期不能早于上一环节，也不能晚于今天',
  'COUNCIL.RULE_MISMATCH': '所选的表决方式与参加范围不相符',
  'COUNCIL.TIME_INVALID': '表决时间不正确：结束时间须晚于开始时间和现在，且不超过60天',
  'COUNCIL.CHOICE_UNKNOWN': '没有这个选项',
  'COUNCIL.PUBLICITY_CLOSED': '公示期已结束或尚未公示，不能再提异议',
  'COUNCIL.PUBLICITY_RUNNING': '公示期尚未结束，请公示期满后再公开实施结果',
  'COUNCIL.OBJECTIONS_UNANSWERED': '还有居民异议没有答复，请先逐条答复',
  'COUNCIL.ALREADY_ANSWERED': '这条异议已经答复过了',
  'COUNCIL.NOT_CONCERNED': '这个议题不涉及您所在的楼栋',
  'COUNCIL.EVIDENCE_INVALID': '作为依据的报事须是本社区的报事',
  'COUNCIL.NO_ROLL': '这个议题还没有发起表决，没有参加名单可以打印；请先发起表决',
  'COUNCIL.ROLL_UNNUMBERED': '这次表决的名单是在编号功能启用前生成的，没有票号，不能打印纸质票和签到表；请在纸质票录入页按姓名或房号查找',
  'VOLUNTEER.NOT_FOUND': '没有找到这个志愿活动',
  'VOLUNTEER.TIME_INVALID': '活动时间不正确：结束须晚于开始且不超过24小时，报名截止须晚于现在且不晚于开始时间',
  'VOLUNTEER.DEADLINE_PASSED': '报名已截止，不能再报名或取消',
  'VOLUNTEER.ALREADY_SIGNED_UP': '您已经报过名了',
  'VOLUNTEER.NOT_SIGNED_UP': '您还没有报名这个活动，或仍在候补中',
  'VOLUNTEER.WAITLIST_FULL': '名额和候补名单都已满，下次早点报名吧',
  'VOLUNTEER.CODE_INVALID': '签到码不正确或已过期，请看组织者手机上最新的签到码',
  'VOLUNTEER.CHECKIN_CLOSED': '现在不能签到签退：活动开始前1小时至结束可以签到，结束后2小时内可以签退',
  'VOLUNTEER.ALREADY_CHECKED_IN': '您已经签到过了',
  'VOLUNTEER.NOT_CHECKED_IN': '您还没有签到，请先签到',
  'VOLUNTEER.ALREADY_CHECKED_OUT': '您已经签退了，服务时长已记录',
  'VOLUNTEER.NOT_STARTED': '活动还没开始，不能登记服务时长',
  'VOLUNTEER.NOT_A_MEMBER': '该志愿者不是本社区的居民',
  'NOTICE.NOT_FOUND': '没有找到这条公告，可能已撤下或过期',
  'NOTICE.EXPIRY_PAST': '到期时间不能早于现在',
  'IMPORT.INVALID_ROWS': '导入文件中有错误，已全部取消导入，请按提示修改后重试',
  'IMPORT.EMPTY': '导入文件没有内容',
  'IMPORT.TOO_LARGE': '导入文件过大，请分批导入',
  'IMPORT.FILE_UNREADABLE': '读取不了这个文件，请在表格软件中另存为 CSV（逗号分隔）后重试',
  'EXPORT.TOO_LARGE': '要导出的数据太多，请加上筛选条件分批导出',
  'CONTENT.RISKY': '内容含有不适宜公开的信息，请修改后再提交',
  'CONTENT.REVIEW': '内容需要人工审核才能公开，请换一种说法后再提交',
  'CONTENT.REJECTED': '该内容经审核不予公开',
  'MODERATION.NOT_FOUND': '没有找到这条待审核内容',
  'MODERATION.ALREADY_DECIDED': '这条内容已经审核过了',
  'CONSOLE.LOGIN_UNKNOWN': '没有找到这个电脑登录请求，请在电脑上刷新二维码后重新扫描',
  'CONSOLE.LOGIN_EXPIRED': '电脑上的二维码已过期，请在电脑上刷新后重新扫描',
  'CONSOLE.LOGIN_USED': '这个二维码已经用过了，请在电脑上刷新后重新扫描',
  'CONSOLE.WRONG_ENV': '这个二维码来自另一个系统环境，不能在这里登录',
  'CONSOLE.NOT_CONFIGURED': '电脑端登录尚未开通，请联系系统管理员',
  'AUTH.CONSOLE_SESSION_ENDED': '电脑端登录已过期或已在手机上退出，请重新扫码登录',
  'AUTH.TICKET_INVALID': '登录凭证无效或已过期，请重新扫码登录',
  ...WISH_ERROR_MESSAGES,
  ...CERTIFICATE_ERROR_MESSAGES,
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES

export interface InputIssue {
  /** dotted path of the offending field, e.g. `items.2.name` */
  path: string
  message: string
}

export interface ErrorBody {
  code: ErrorCode | (string & {})
  message: string
  issues?: InputIssue[]
  /** present on INTERNAL: the id under which the function logged the failure */
  requestId?: string
}

/** An action's answer; `E` is the client's narrower view of the error (`CallError`, which carries the declared codes). */
export type Envelope<T, E extends ErrorBody = ErrorBody> = { ok: true; data: T } | { ok: false; error: E }

/** Thrown by handlers and domain code; `serve` turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly issues?: InputIssue[]
  constructor(code: ErrorCode, message?: string, issues?: InputIssue[]) {
    super(message ?? ERROR_MESSAGES[code])
    this.name = 'AppError'
    this.code = code
    this.issues = issues
  }
}

export const isAppError = (e: unknown): e is AppError =>
  e instanceof AppError || (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'AppError')
