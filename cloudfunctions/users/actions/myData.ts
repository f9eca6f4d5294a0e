import type { usersContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { storage } from '../../_core/cloud'
import { newId } from '../../_core/ids'
import { householdLabels } from '../../_core/labels'
import { findHouseholds } from '../../_core/repos/places'
import { wishesOfPerson } from '../../_core/repos/wishes'
import { certificatesAsked, notesAbout } from '../../_core/repos/certificates'
import {
  bindingRequestsBy,
  membersBoundTo,
  objectionsBy,
  ownersBoundTo,
  partyRegistrationsOf,
  receiptsOf,
  signupsOf,
  ticketsFollowedBy,
  userDoc,
} from '../../_core/repos/personal'

/**
 * Everything the app holds about the caller, as one JSON file they can keep: profile and roles, households and who
 * they are on the register, tickets with their timelines, which votes they took part in (never what they chose: a
 * secret ballot is not readable by anyone), volunteer service, objections, binding requests. Stored privately and
 * handed over as a short-lived link.
 */
export const myData: Handler<typeof usersContract.actions.myData> = async (_input, ctx) => {
  const [user, tickets, receipts, signups, party, objections, requests, members, owners] = await Promise.all([
    userDoc(ctx.openid),
    ticketsFollowedBy(ctx.openid),
    receiptsOf(ctx.openid),
    signupsOf(ctx.openid),
    partyRegistrationsOf(ctx.openid),
    objectionsBy(ctx.openid),
    bindingRequestsBy(ctx.openid),
    membersBoundTo(ctx.openid),
    ownersBoundTo(ctx.openid),
  ])
  const households = await findHouseholds(user?.householdIds ?? [])
  const wishes = await wishesOfPerson(ctx.openid)
  const [notes, certificates] = await Promise.all([notesAbout(ctx.openid), certificatesAsked(ctx.openid)])
  const labels = await householdLabels(households)
  const data = {
    说明: '这是您在“社区码上办”中的个人信息。报事的处理记录由社区保存；投票只记录您是否参加，不记录您的选择。',
    导出时间: ctx.now.toISOString(),
    资料: user
      ? {
          姓名: user.name,
          手机: user.phone,
          身份: user.roles.map((g) => ({ 身份: g.role, 社区: g.communityId, 街道: g.streetId, 获得时间: g.grantedAt })),
          注册时间: user.createdAt,
        }
      : null,
    住户: households.map((h) => ({ 住户: labels.get(h._id)?.label ?? h.room, 社区: h.communityId })),
    名册中的我: members.map((m) => ({ 姓名: m.name, 与户主关系: m.relation, 出生: m.birth })),
    产权人身份: owners.map((o) => ({ 名称: o.name })),
    报事: tickets.map((t) => ({
      编号: t._id,
      我的角色: t.reporterOpenid === ctx.openid ? '报事人' : '关注（我也遇到）',
      类别: t.categoryLabel,
      地点: t.placeLabel,
      内容: t.reporterOpenid === ctx.openid ? t.text : undefined,
      照片: t.reporterOpenid === ctx.openid ? t.photos : undefined,
      状态: t.state,
      提交时间: t.createdAt,
      进展: t.timeline.map((e) => ({ 时间: e.at, 事项: e.event, 说明: e.note })),
      评价: t.reporterOpenid === ctx.openid ? t.rating : undefined,
    })),
    参加的表决: receipts.map((r) => ({ 表决: r.voteId, 方式: r.channel === 'online' ? '在线投票' : '纸质票', 时间: r.at })),
    志愿服务: signups.map((s) => ({ 活动: s.activityId, 状态: s.status, 开始: s.startAt, 签到: s.checkinAt, 签退: s.checkoutAt, 服务分钟: s.minutes })),
    在职党员报到: party.map((p) => ({ 社区: p.communityId, 工作单位: p.workplace, 所在党组织: p.branchName, 报到时间: p.registeredAt })),
    异议: objections.map((o) => ({ 议题: o.matterId, 内容: o.text, 时间: o.at, 答复: o.answer?.text ?? null })),
    绑定申请: requests.map((r) => ({ 住户: r.householdId, 状态: r.status, 时间: r.createdAt })),
    微心愿: wishes.map((w) => ({
      编号: w._id,
      我的角色: w.requesterOpenid === ctx.openid ? '心愿人' : w.claim?.openid === ctx.openid ? '认领人' : '曾认领',
      心愿: w.title,
      说明: w.requesterOpenid === ctx.openid ? w.description : undefined,
      希望时间: w.wantedAt,
      状态: w.state,
      完成情况: w.claim?.openid === ctx.openid || w.requesterOpenid === ctx.openid ? w.done : undefined,
      计入时长分钟: w.claim?.openid === ctx.openid ? (w.credit?.minutes ?? null) : undefined,
      发布时间: w.createdAt,
    })),
    志愿服务记录中的培训表彰评价: notes
      .filter((n) => !n.removedAt)
      .map((n) => ({
        社区: n.communityId,
        类别: n.kind,
        日期: n.date,
        名称: n.title || undefined,
        单位: n.organisation || undefined,
        学时: n.hours ?? undefined,
        评价: n.text || undefined,
        记录人: n.byName,
      })),
    志愿服务证明: certificates.map((c) => ({
      社区: c.communityId,
      期间: `${c.from} 至 ${c.to}`,
      状态: c.status,
      申请时间: c.requestedAt,
      证明编号: c.number,
      出具单位: c.issued?.organisation,
      不予出具原因: c.declineReason ?? undefined,
      作废时间: c.revokedAt ?? undefined,
    })),
  }
  const { fileID } = await storage.uploadFile({
    cloudPath: `private/mydata/${newId()}.json`,
    fileContent: Buffer.from(JSON.stringify(data, null, 2), 'utf8'),
  })
  const [file] = await storage.getTempFileURL([fileID])
  return {
    url: file.tempFileURL,
    fileID,
    counts: {
      households: households.length,
      members: members.length,
      owners: owners.length,
      tickets: tickets.length,
      voteReceipts: receipts.length,
      volunteerSignups: signups.length,
      objections: objections.length,
      bindingRequests: requests.length,
    },
  }
}
