/** The rule profile stored in the workbook (a document setting holding JSON), so it travels with the file. */
import { Profile, parseProfile, presetProfile } from '../core/profile';
import { HostMessage, SettingsLike } from './host';
import { SETTINGS } from './marks';

export interface StoredProfile {
  profile: Profile;
  /** Set when the stored profile could not be used and the defaults apply instead. */
  message?: HostMessage;
}

const defaults = (): Profile => presetProfile('default');

export function loadProfile(settings: SettingsLike): StoredProfile {
  const raw = settings.get(SETTINGS.profile);
  if (raw === null || raw === undefined) return { profile: defaults() };
  let json: unknown;
  try {
    json = typeof raw === 'string' ? JSON.parse(raw) : raw;
  } catch {
    return {
      profile: defaults(),
      message: { zh: '工作簿中保存的规则配置不是有效的 JSON，已使用默认配置', en: 'The rule profile stored in the workbook is not valid JSON; the defaults apply' },
    };
  }
  const parsed = parseProfile(json);
  if (parsed.ok) return { profile: parsed.profile };
  return {
    profile: defaults(),
    message: {
      zh: `工作簿中保存的规则配置有误（${parsed.errors.map((e) => e.zh).join('；')}），已使用默认配置`,
      en: `The rule profile stored in the workbook is invalid (${parsed.errors.map((e) => e.en).join('; ')}); the defaults apply`,
    },
  };
}

export async function saveProfile(settings: SettingsLike, profile: Profile, save: () => Promise<void>): Promise<void> {
  settings.set(SETTINGS.profile, JSON.stringify(profile));
  await save();
}
