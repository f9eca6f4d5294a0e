import { z } from 'zod'
import { DEFAULT_CALLBACK_SHARE } from './callbackLabels'
import { DEFAULT_TICKET_CATEGORIES } from './ticketLabels'
import { WISH_CLAIM_DAYS_DEFAULT, WISH_CLAIM_DAYS_MAX } from './wishLabels'

/**
 * A community's settings (community.settings), as the one schema every reader parses them with (FixMyStreet's typed
 * per-council settings, as a zod schema). Each field has the default a new community starts with, and a stored value
 * that is missing or malformed (hand-edited in the database console, or written by an older version) falls back to
 * that default instead of failing the call: a bad setting must not stop residents from reporting.
 */
export const DEFAULT_AUTO_CLOSE_DAYS = 7
/** Two years: long enough for the street's reviews and a resident's complaint about the handling, no longer. */
export const DEFAULT_PHOTO_RETENTION_DAYS = 730

const categorySchema = z.object({
  key: z.string(),
  label: z.string(),
  respondHours: z.number().positive(),
  resolveDays: z.number().positive(),
})

export const communitySettingsSchema = z
  .object({
    /** the categories residents choose from, with their deadlines */
    ticketCategories: z.array(categorySchema).min(1).default(DEFAULT_TICKET_CATEGORIES).catch(DEFAULT_TICKET_CATEGORIES),
    /** a resolved ticket the reporter never answers closes as "unconfirmed" after this many days */
    ticketAutoCloseDays: z.number().positive().default(DEFAULT_AUTO_CLOSE_DAYS).catch(DEFAULT_AUTO_CLOSE_DAYS),
    /** residents see the handling grid member's name masked (张*) */
    ticketMaskAssigneeName: z.boolean().default(true).catch(true),
    /** photos of a closed ticket are deleted this many days after it closed (the record itself stays) */
    photoRetentionDays: z.number().int().min(30).default(DEFAULT_PHOTO_RETENTION_DAYS).catch(DEFAULT_PHOTO_RETENTION_DAYS),
    /** the report's confirmation leaves out the assigned grid member's name and phone (shown by default, as on the grid's notice board) */
    hideGridContact: z.boolean().default(false).catch(false),
    /** 回访: percent (0–100) of the closed tickets called back besides every low rating and every unconfirmed closing */
    callbackShare: z.number().int().min(0).max(100).default(DEFAULT_CALLBACK_SHARE).catch(DEFAULT_CALLBACK_SHARE),
    /** 微心愿: a claim not done within this many days lapses back to open */
    wishClaimDays: z.number().int().min(1).max(WISH_CLAIM_DAYS_MAX).default(WISH_CLAIM_DAYS_DEFAULT).catch(WISH_CLAIM_DAYS_DEFAULT),
    /** 议题建议: this many tickets of one category in one building … */
    councilSuggestThreshold: z.number().int().min(1).default(5).catch(5),
    /** … within this many days suggest a matter to the branch */
    councilSuggestDays: z.number().int().min(1).max(366).default(30).catch(30),
  })
  // keys of later versions are kept as they are, not dropped
  .passthrough()

export type CommunitySettings = z.output<typeof communitySettingsSchema>
/** The settings as stored: any of the known keys, each possibly missing. */
export type StoredSettings = z.input<typeof communitySettingsSchema>

/**
 * Parses stored settings (or none) into settings with every field present. Never throws. The community repository
 * calls it once per community read (repos/places), so everything past it holds `CommunitySettings`.
 */
export const parseSettings = (stored: unknown): CommunitySettings =>
  communitySettingsSchema.parse(stored !== null && typeof stored === 'object' && !Array.isArray(stored) ? stored : {})
