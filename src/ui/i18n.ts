/**
 * Every string the UI itself shows, in both first-class languages. Scenario and step text comes
 * from the trace; component facts live in component-info.ts, terms in glossary.ts.
 */
import { particle, type JosaPair } from '../model/josa.ts';
import type { Lang, Localized } from '../model/localized.ts';

const STRINGS = {
  appTitle: { en: 'kubedeck', ko: 'kubedeck' },
  tagline: { en: 'Kubernetes architecture, step by step', ko: '한 단계씩 보는 쿠버네티스 아키텍처' },
  scenarios: { en: 'Scenarios', ko: '시나리오' },
  components: { en: 'Components', ko: '구성요소' },
  language: { en: 'Language', ko: '언어' },
  theme: { en: 'Theme', ko: '테마' },
  themeDark: { en: 'Dark', ko: '다크' },
  themeLight: { en: 'Light', ko: '라이트' },
  themeContrast: { en: 'High contrast', ko: '고대비' },
  play: { en: 'Play', ko: '재생' },
  pause: { en: 'Pause', ko: '일시정지' },
  stepBack: { en: 'Previous step', ko: '이전 단계' },
  stepForward: { en: 'Next step', ko: '다음 단계' },
  restart: { en: 'Restart', ko: '처음으로' },
  toEnd: { en: 'Go to end', ko: '끝으로' },
  scrubber: { en: 'Timeline', ko: '타임라인' },
  speed: { en: 'Speed', ko: '속도' },
  loop: { en: 'Loop', ko: '반복' },
  stepOf: { en: 'Step {n} of {total}', ko: '{total}단계 중 {n}단계' },
  loading: { en: 'Preparing the cluster…', ko: '클러스터를 준비하는 중…' },
  drawing: { en: 'Drawing the cluster…', ko: '클러스터를 그리는 중…' },
  clockAt: { en: 'its clock is at {time}', ko: '클러스터 시계 {time}까지 진행' },
  clockAtOf: { en: 'its clock is at {time}; the run before ended at {end}', ko: '클러스터 시계 {time}까지 진행(이전 실행은 {end}에 끝남)' },
  close: { en: 'Close', ko: '닫기' },
  open: { en: 'Open', ko: '열기' },
  openScenario: { en: 'Open scenario', ko: '시나리오 열기' },
  chooseScenario: { en: 'Choose a scenario', ko: '시나리오 선택' },
  learningPath: { en: 'In learning-path order', ko: '학습 순서대로' },
  k8sVersion: { en: 'Kubernetes version', ko: '쿠버네티스 버전' },
  k8sNewest: { en: '{version} (newest)', ko: '{version} (최신)' },
  k8sVersionHint: {
    en: 'Some details differ: the node-monitor grace period is 40 s up to 1.31 and 50 s from 1.32; kube-scheduler’s FailedScheduling message changes in 1.34 and 1.35.',
    ko: '버전에 따라 일부가 다릅니다: node-monitor grace period는 1.31까지 40초, 1.32부터 50초이고, kube-scheduler의 FailedScheduling 메시지는 1.34와 1.35에서 바뀝니다.',
  },
  parameters: { en: 'Parameters', ko: '매개변수' },
  saveScenario: { en: 'Save as scenario', ko: '시나리오로 저장' },
  saveScenarioHint: {
    en: 'Download this session as a scenario file (YAML) that plays the same: edit it, share it, open it again.',
    ko: '이 세션을 똑같이 재생되는 시나리오 파일(YAML)로 내려받습니다. 고치고, 나누고, 다시 열 수 있습니다.',
  },
  saveFailed: { en: 'Could not save the scenario: {value}', ko: '시나리오를 저장하지 못했습니다: {value}' },
  noParameters: { en: 'This scenario has no parameters.', ko: '이 시나리오에는 매개변수가 없습니다.' },
  whatItDoes: { en: 'What it does', ko: '하는 일' },
  shipAnalogy: { en: 'On the ship', ko: '배에 비유하면' },
  onRealCluster: { en: 'On a real cluster', ko: '실제 클러스터에서 보기' },
  ports: { en: 'Ports', ko: '포트' },
  files: { en: 'Files', ko: '파일' },
  runsAs: { en: 'Runs as', ko: '실행 형태' },
  componentList: { en: 'Pick a component', ko: '구성요소 선택' },
  objectAt: { en: 'As stored at {time} on the cluster clock (step {step})', ko: '클러스터 시계 {time} 시점에 저장된 내용({step}단계)' },
  objectDeleted: {
    en: 'Deleted at {time}: it is no longer stored. Below is how it looked last.',
    ko: '{time}에 삭제되어 지금은 저장되어 있지 않습니다. 아래는 삭제되기 직전의 모습입니다.',
  },
  objectNotYet: {
    en: 'Not created yet at this moment (it is created at {time}). Below is how it will first be stored.',
    ko: '아직 만들어지지 않았습니다({time}에 생성). 아래는 처음 저장될 때의 모습입니다.',
  },
  objectKeyFields: { en: 'Key fields', ko: '주요 필드' },
  objectYaml: { en: 'YAML', ko: 'YAML' },
  objectYamlNote: {
    en: 'What this command prints, trimmed to the fields worth reading (uid, resourceVersion and the like left out):',
    ko: '이 명령의 출력 가운데 읽어 볼 만한 필드만 남겼습니다(uid, resourceVersion 등은 뺌):',
  },
  about: { en: 'About', ko: '정보' },
  credits: {
    en: 'Icons: Kubernetes Icons Set, The Kubernetes Authors, CC-BY-4.0. Fonts: Noto Sans KR, JetBrains Mono (OFL).',
    ko: '아이콘: Kubernetes Icons Set, The Kubernetes Authors, CC-BY-4.0. 글꼴: Noto Sans KR, JetBrains Mono (OFL).',
  },
  dismiss: { en: 'Dismiss', ko: '닫기' },
  noticeReopen: { en: 'Show the note again', ko: '안내 다시 보기' },
  noticeTitle: { en: 'That link needed a small fix', ko: '링크를 조금 고쳐서 열었습니다' },
  noticeProblem: { en: 'Something did not work', ko: '일부가 제대로 동작하지 않았습니다' },
  unknownScenario: {
    en: 'There is no scenario called “{value}”. Showing “{fallback}” instead; pick another below.',
    ko: '“{value}”라는 시나리오는 없습니다. 대신 “{fallback}”{fallback:을/를} 보여 드립니다. 아래에서 다른 시나리오를 고르세요.',
  },
  badStep: {
    en: 'Step “{value}” does not exist in this scenario (1 to {max}). Starting at step 1.',
    ko: '이 시나리오에는 “{value}” 단계가 없습니다(1~{max}). 1단계부터 시작합니다.',
  },
  stepPastEnd: {
    en: 'This scenario has {max} steps, not {value}. Showing the last one.',
    ko: '이 시나리오에는 {max}단계까지만 있어 {value}단계가 없습니다. 마지막 단계를 보여 드립니다.',
  },
  badLang: { en: 'Unknown language “{value}”; use en or ko.', ko: '알 수 없는 언어 “{value}”입니다. en 또는 ko를 쓰세요.' },
  badTheme: {
    en: 'Unknown theme “{value}”; use dark, light or contrast.',
    ko: '알 수 없는 테마 “{value}”입니다. dark, light, contrast 중 하나를 쓰세요.',
  },
  badVersion: {
    en: 'Kubernetes version “{value}” is not offered (kubedeck has {supported}); using {fallback}.',
    ko: '쿠버네티스 버전 “{value}”{value:은/는} 지원하지 않습니다(지원 버전: {supported}). 대신 {fallback}{fallback:을/를} 사용합니다.',
  },
  badParam: {
    en: 'Parameter {name} = “{value}” is not valid (allowed: {allowed}); using {fallback}.',
    ko: '매개변수 {name} = “{value}” 값이 올바르지 않습니다(가능한 값: {allowed}). 대신 {fallback}{fallback:을/를} 사용합니다.',
  },
  badSpeed: { en: 'Speed “{value}” is not offered; using 1x.', ko: '속도 “{value}”{value:은/는} 지원하지 않습니다. 대신 1배속으로 재생합니다.' },
  runFailed: {
    en: 'This scenario could not be prepared ({value}). Pick another one.',
    ko: '이 시나리오를 준비하지 못했습니다({value}). 다른 시나리오를 고르세요.',
  },
  contextLostTitle: { en: 'The animation is paused', ko: '애니메이션을 멈췄습니다' },
  contextLost: {
    en: 'The browser took the graphics context away (the GPU was reset or is needed elsewhere). The picture comes back by itself; then press Play.',
    ko: '브라우저가 그래픽 컨텍스트를 거둬 갔습니다(GPU 재설정 또는 다른 곳에서 사용 중). 그림은 저절로 돌아옵니다. 돌아오면 재생을 누르세요.',
  },
  stageFailed: {
    en: 'The animation could not start in this browser ({value}). Captions and controls still work.',
    ko: '이 브라우저에서 애니메이션을 시작하지 못했습니다({value}). 자막과 컨트롤은 그대로 쓸 수 있습니다.',
  },
  yes: { en: 'Yes', ko: '예' },
  no: { en: 'No', ko: '아니오' },
  keyboardHelp: {
    en: 'Keys: → play next step · ← back a step · Space play on/pause · Home/End start/end · +/− speed · B background · ? legend · : command · Esc close',
    ko: '키: → 다음 단계 재생 · ← 이전 단계 · Space 이어서 재생/정지 · Home/End 처음/끝으로 · +/− 속도 · B 백그라운드 · ? 범례 · : 명령 입력 · Esc 닫기',
  },
  keyboardHelpWhatIf: {
    en: 'Keys: Esc stops this run (the stage stays as it was) · the player waits until the run is drawn',
    ko: '키: Esc 실행 멈춤(화면은 그대로) · 실행 결과가 그려질 때까지 재생은 멈춰 있습니다',
  },
  keyboardHelpHeld: {
    en: 'The player waits until the run is drawn',
    ko: '실행 결과가 그려질 때까지 재생은 멈춰 있습니다',
  },
  commandLabel: { en: 'Command for the cluster', ko: '클러스터에 보낼 명령' },
  commandPlaceholder: {
    en: 'Change what happens next, e.g. {example}  (: to type, Tab completes)',
    ko: '앞으로 일어날 일을 바꿔 보세요. 예: {example}  (:로 입력, Tab 자동 완성)',
  },
  // Shorter forms of the placeholder, for a narrow bar (src/ui/fitted-placeholder.ts picks the longest that fits).
  commandPlaceholderKeys: {
    en: 'e.g. {example}  (: to type, Tab completes)',
    ko: '예: {example}  (:로 입력, Tab 자동 완성)',
  },
  commandPlaceholderShort: {
    en: 'e.g. {example}',
    ko: '예: {example}',
  },
  commandRun: { en: 'Run', ko: '실행' },
  commandCompletions: { en: 'Completions: {list}', ko: '자동 완성 후보: {list}' },
  commandNoCompletion: { en: 'Nothing to complete here.', ko: '여기서는 자동 완성할 것이 없습니다.' },
  commandRunning: { en: 'Running the cluster again with your command…', ko: '명령을 반영해 클러스터를 다시 실행하는 중…' },
  commandHeld: { en: 'next: {line} (runs once this one is drawn)', ko: '다음 명령: {line}(이 실행이 끝나면 이어서 실행)' },
  commandDrawing: { en: 'Drawing the run with your command…', ko: '명령을 반영한 결과를 그리는 중…' },
  commandCancelled: { en: 'Stopped: your command did not run, and the stage is as it was. Press Enter to run it again.', ko: '멈췄습니다. 명령은 실행되지 않았고 화면은 그대로입니다. Enter를 누르면 다시 실행합니다.' },
  escCancels: { en: 'Esc stops it', ko: 'Esc로 멈춤' },
  commandStale: { en: 'The stage changed before your command ran; give it again.', ko: '명령이 실행되기 전에 화면이 바뀌었습니다. 다시 입력해 주세요.' },
  tryIt: { en: 'Try:', ko: '해 보기:' },
  storyLeftWaiting: {
    en: 'Your commands left the scenario waiting: when the run ended, at {time}, it was still waiting for {what}. Its later steps did not happen.',
    ko: '입력한 명령 때문에 시나리오가 멈췄습니다. 실행이 끝난 {time}에도 시나리오는 다음을 기다리고 있었습니다: {what}. 그래서 뒤의 단계는 일어나지 않았습니다.',
  },
  storyLeftUnfinished: {
    en: 'Your commands left the scenario waiting: when the run ended, at {time}, it had not reached its end, so its later steps did not happen.',
    ko: '입력한 명령 때문에 시나리오가 멈췄습니다. 실행이 끝난 {time}까지 시나리오가 끝나지 않아 뒤의 단계는 일어나지 않았습니다.',
  },
  actionsTitle: { en: 'Your commands ({count})', ko: '입력한 명령 ({count})' },
  actionsShow: { en: 'Show your commands', ko: '입력한 명령 보기' },
  actionsHide: { en: 'Hide your commands', ko: '입력한 명령 숨기기' },
  undo: { en: 'Undo (Ctrl+Z)', ko: '실행 취소(Ctrl+Z)' },
  removeAction: { en: 'Remove “{command}”', ko: '“{command}” 지우기' },
  actionPending: { en: 'Not reached yet in this run.', ko: '이번 실행에서는 아직 이 시점에 이르지 않았습니다.' },
  actionRunFailed: {
    en: 'Your command could not be run ({value}); the cluster stays as it was.',
    ko: '명령을 실행하지 못했습니다({value}). 클러스터는 그대로입니다.',
  },
  badAction: {
    en: 'The command “{value}” in the link is not of the form do=<ms>~<command>; it was left out.',
    ko: '링크의 명령 “{value}”{value:은/는} do=<밀리초>~<명령> 형식이 아니어서 뺐습니다.',
  },
  actionTooLong: {
    en: 'The command “{value}” in the link is longer than {max} characters; it was left out.',
    ko: '링크의 명령 “{value}”{value:이/가} {max}자보다 길어서 뺐습니다.',
  },
  actionOutOfOrder: {
    en: 'The command “{value}” in the link comes earlier than the one before it (times must go forward); it was left out.',
    ko: '링크의 명령 “{value}”{value:이/가} 앞의 명령보다 이른 시각이라 뺐습니다(시각은 앞으로만 갑니다).',
  },
  tooManyActions: {
    en: 'The link has {count} commands; kubedeck runs the first {max}.',
    ko: '링크에 명령이 {count}개 있습니다. 앞의 {max}개만 실행합니다.',
  },
  openFile: { en: 'Open a scenario file…', ko: '시나리오 파일 열기…' },
  openFileHint: {
    en: 'A YAML or JSON scenario file (docs/scenario-files.md); you can also drop it anywhere on the page.',
    ko: 'YAML 또는 JSON 시나리오 파일(docs/scenario-files.md)을 엽니다. 페이지 아무 곳에나 끌어다 놓아도 됩니다.',
  },
  dropHint: { en: 'Drop a scenario file (.yaml, .yml or .json) to open it', ko: '시나리오 파일(.yaml, .yml, .json)을 놓으면 엽니다' },
  fromFile: { en: 'From a file', ko: '파일에서 연 시나리오' },
  fromLocalFile: {
    en: 'From a file on this computer: a link cannot reopen it',
    ko: '이 컴퓨터의 파일에서 열었습니다. 링크로는 다시 열 수 없습니다',
  },
  fileFetching: { en: 'Fetching {name}…', ko: '{name} 파일을 가져오는 중…' },
  fileProblemTitle: { en: 'The scenario file could not be opened', ko: '시나리오 파일을 열지 못했습니다' },
  fileMoreErrors: { en: '…and {count} more.', ko: '…그 밖에 {count}개가 더 있습니다.' },
  fileTooLarge: {
    en: '{name} is larger than 1 MB ({size} bytes); a scenario file is a small text file.',
    ko: '{name} 파일이 1MB보다 큽니다({size}바이트). 시나리오 파일은 작은 텍스트 파일입니다.',
  },
  fileNotText: {
    en: '{name} is not UTF-8 text; save it as a UTF-8 YAML or JSON file.',
    ko: '{name} 파일은 UTF-8 텍스트가 아닙니다. UTF-8 YAML 또는 JSON 파일로 저장해 주세요.',
  },
  fileUnreadable: {
    en: '{name} could not be read ({value}). A folder cannot be opened: pick one file.',
    ko: '{name} 파일을 읽지 못했습니다({value}). 폴더는 열 수 없으니 파일 하나를 고르세요.',
  },
  fileRefusedOrigin: {
    en: 'This page opens scenario files only from its own site or origins it allows, not from {value}.',
    ko: '이 페이지는 같은 사이트나 허용한 origin의 시나리오 파일만 엽니다. {value}의 파일은 열지 않습니다.',
  },
  fileRefusedScheme: { en: 'The file link “{value}” is not an http(s) address.', ko: '파일 링크가 http(s) 주소가 아닙니다: “{value}”' },
  fileRefusedUrl: { en: 'The file link “{value}” is not a URL.', ko: '파일 링크가 올바른 URL이 아닙니다: “{value}”' },
  fileHttp: { en: '{name} could not be fetched (HTTP {status}).', ko: '{name} 파일을 가져오지 못했습니다(HTTP {status}).' },
  fileNetwork: { en: '{name} could not be fetched ({value}).', ko: '{name} 파일을 가져오지 못했습니다({value}).' },
  fileInvalid: { en: '{name} could not be made into a scenario ({value}).', ko: '{name} 파일로 시나리오를 만들지 못했습니다({value}).' },
  fileFallback: { en: 'Showing “{fallback}” instead.', ko: '대신 “{fallback}”{fallback:을/를} 보여 드립니다.' },
  fileKept: { en: 'The scenario on screen stays as it was.', ko: '화면의 시나리오는 그대로입니다.' },
  legend: { en: 'Legend: how to read the picture', ko: '범례: 그림 읽는 법' },
  legendFailed: { en: 'The legend could not load. Close it and open it again to try again.', ko: '범례를 불러오지 못했습니다. 닫았다가 다시 열면 다시 시도합니다.' },
  legendTokens: { en: 'Messages', ko: '메시지' },
  legendPods: { en: 'Pods', ko: '파드' },
  legendMarks: { en: 'Components and steps', ko: '컴포넌트와 단계' },
  legendTiles: { en: 'Big clusters: nodes as tiles', ko: '대규모 클러스터: 타일로 그린 노드' },
  backgroundquiet: { en: 'Background traffic: quiet (press B to hide)', ko: '백그라운드 트래픽: 흐리게(B를 누르면 숨김)' },
  backgroundhide: { en: 'Background traffic: hidden (press B to show)', ko: '백그라운드 트래픽: 숨김(B를 누르면 표시)' },
  backgroundshow: { en: 'Background traffic: shown (press B for quiet)', ko: '백그라운드 트래픽: 표시(B를 누르면 흐리게)' },
} as const satisfies Record<string, Localized>;

export type StringKey = keyof typeof STRINGS;

export const UI_STRINGS: Readonly<Record<StringKey, Localized>> = STRINGS;

export type TextVars = Readonly<Record<string, string | number>>;

const PAIRS: ReadonlySet<string> = new Set<JosaPair>(['이/가', '을/를', '은/는', '와/과', '으로/로', '이라/라']);

/**
 * `{name}` placeholders filled in from `vars` (plain text; unknown names stay as written).
 * `{name:을/를}` is the Korean particle that follows the value of `name` ("worker-2" -> 를), so a
 * template never needs the "을(를)" fallback: `“{fallback}”{fallback:을/를}`.
 */
export function fillPlaceholders(template: string, vars: TextVars): string {
  return template.replace(/\{(\w+)(?::([^{}]+))?\}/g, (whole, name: string, pair: string | undefined) => {
    const value = vars[name];
    if (value === undefined) return whole;
    if (pair === undefined) return String(value);
    return PAIRS.has(pair) ? particle(value, pair as JosaPair) : whole;
  });
}

/** A UI string in `lang`, with `{name}` placeholders filled in (values are plain text). */
export function t(lang: Lang, key: StringKey, vars: TextVars = {}): string {
  return fillPlaceholders(STRINGS[key][lang], vars);
}

export { detectLang } from './detect-lang.ts';
