/** The export dialog's strings, both languages (kept apart from i18n.ts: one feature, one file). */
import type { Lang, Localized } from '../model/localized.ts';
import { fillPlaceholders, type TextVars } from './i18n.ts';

const STRINGS = {
  export: { en: 'Export', ko: '내보내기' },
  title: { en: 'Export this scenario', ko: '이 시나리오 내보내기' },
  format: { en: 'Format', ko: '형식' },
  png: { en: 'PNG, one image per step (ZIP)', ko: 'PNG, 단계마다 한 장 (ZIP)' },
  webm: { en: 'WebM video', ko: 'WebM 동영상' },
  mp4: { en: 'MP4 video', ko: 'MP4 동영상' },
  gif: { en: 'Animated GIF', ko: '움직이는 GIF' },
  size: { en: 'Size', ko: '크기' },
  fps: { en: 'Frames per second', ko: '초당 프레임' },
  fromStep: { en: 'From step', ko: '시작 단계' },
  toStep: { en: 'To step', ko: '끝 단계' },
  captions: { en: 'Burn in the captions', ko: '자막 넣기' },
  note: { en: 'In the current language and theme. Made frame by frame: the same settings give the same file.', ko: '지금 언어와 테마로 만듭니다. 프레임마다 그려서 같은 설정이면 같은 파일이 나옵니다.' },
  start: { en: 'Export', ko: '내보내기' },
  cancel: { en: 'Cancel', ko: '취소' },
  close: { en: 'Close', ko: '닫기' },
  preparing: { en: 'Preparing the stage…', ko: '무대를 준비하는 중…' },
  rendering: { en: 'Frame {done} of {total}', ko: '{total}프레임 중 {done}번째' },
  finishing: { en: 'Finishing the file…', ko: '파일을 마무리하는 중…' },
  done: { en: 'Saved {name}.', ko: '{name} 파일을 저장했습니다.' },
  cancelled: { en: 'Export cancelled.', ko: '내보내기를 취소했습니다.' },
  failed: { en: 'Export failed: {message}', ko: '내보내기 실패: {message}' },
  badSteps: { en: 'Choose a "from" step at or before the "to" step.', ko: '시작 단계는 끝 단계와 같거나 앞이어야 합니다.' },
} satisfies Record<string, Localized>;

export type ExportStringKey = keyof typeof STRINGS;

export function xt(lang: Lang, key: ExportStringKey, vars: TextVars = {}): string {
  return fillPlaceholders(STRINGS[key][lang], vars);
}
