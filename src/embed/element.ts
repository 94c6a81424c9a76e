/**
 * <kube-deck>: kubedeck in any web page from one script file (built to dist/kube-deck.js).
 *
 *   <script type="module" src="kube-deck.js"></script>
 *   <kube-deck scenario="pod-creation" step="2" controls="minimal" theme="light" lang="ko" autoplay loop speed="1.5" k8s="1.31"></kube-deck>
 *
 * It frames embed.html (next to this script, or the `src` attribute) and drives it with the
 * postMessage protocol (protocol.ts): changed attributes become commands (no reload, except
 * `controls`, `src` and `origins`), methods send commands, and the embed's events come out as DOM
 * events: kubedeck-ready, kubedeck-stepchange, kubedeck-state, kubedeck-ended, kubedeck-error
 * (event.detail is the message). Only messages from its own frame are trusted.
 *
 * Steps: the `step` attribute is 1-based like the link; goto(n) and event details are 0-based
 * like the protocol.
 *
 * Safety (element-link.ts): `src` must be an http(s) address, else nothing is framed and a
 * kubedeck-error says why; `params` holds the scenario's parameters and cannot set `origins`,
 * `keys`, `controls`, `src`, `scenario` or `file`. `file="stories/drain.yaml"` plays a scenario
 * file: resolved against this page, http(s) only, then checked by the embed (its origin or the
 * origins its page allows).
 */
import { fileSource, frameSource, paramsOf } from './element-link.ts';
import { isKubedeckMessage, PROTOCOL_VERSION, type Command, type EmbedEvent, type EmbedStatus } from './protocol.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type CommandBody = DistributiveOmit<Command, 'kubedeck'>;

/** Attributes passed to the frame's link as they are. */
const LINK_ATTRIBUTES = ['scenario', 'step', 'controls', 'theme', 'lang', 'speed', 'k8s', 'origins', 'keys'] as const;
const FLAG_ATTRIBUTES = ['autoplay', 'loop'] as const;

const STYLE = `
:host { display: block; position: relative; width: 100%; aspect-ratio: 16 / 9; contain: content; }
:host([hidden]) { display: none; }
iframe { position: absolute; inset: 0; width: 100%; height: 100%; border: 0; display: block; }
iframe[hidden] { display: none; }
p { position: absolute; inset: 0; margin: 0; padding: 1em; font: 14px/1.4 system-ui, sans-serif; color: #b00020; background: #fff4f4; }
`;

const EVENT_TYPES = ['ready', 'stepchange', 'state', 'ended', 'error'] as const;

export interface LoadOptions {
  readonly scenario: string;
  readonly k8s?: string;
  /** 0-based. */
  readonly step?: number;
  readonly params?: Readonly<Record<string, string | number | boolean>>;
}

const SPEEDS = [0.25, 0.5, 1, 1.5, 2, 4] as const;
const isSpeed = (n: number): n is (typeof SPEEDS)[number] => (SPEEDS as readonly number[]).includes(n);

export class KubeDeckElement extends HTMLElement {
  static readonly observedAttributes = [...LINK_ATTRIBUTES, ...FLAG_ATTRIBUTES, 'src', 'file', 'params', 'title'];

  private readonly frame: HTMLIFrameElement;
  /** Says why nothing is framed (a refused `src`); text only. */
  private readonly problem: HTMLParagraphElement;
  private ready = false;
  private queue: CommandBody[] = [];
  private last: EmbedStatus | undefined;
  private connected = false;
  private readonly onMessage = (event: MessageEvent<unknown>): void => this.receive(event);

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.frame = document.createElement('iframe');
    this.frame.setAttribute('allow', 'fullscreen');
    this.frame.setAttribute('part', 'frame');
    this.problem = document.createElement('p');
    this.problem.setAttribute('part', 'error');
    this.problem.setAttribute('role', 'alert');
    this.problem.hidden = true;
    shadow.append(style, this.frame, this.problem);
  }

  /** The last status the embed reported (ready, stepchange, state, ended), 0-based step. */
  get status(): EmbedStatus | undefined {
    return this.last;
  }

  /** The URL the frame shows, from the attributes; undefined when `src` is not an http(s) address (refused). */
  get frameUrl(): string | undefined {
    const src = this.getAttribute('src');
    const source = src === null ? { ok: true as const, url: new URL('./embed.html', import.meta.url) } : frameSource(src, document.baseURI);
    if (!source.ok) return undefined;
    const base = source.url;
    for (const name of LINK_ATTRIBUTES) {
      const value = this.getAttribute(name);
      if (value !== null) base.searchParams.set(name, value);
    }
    for (const name of FLAG_ATTRIBUTES) if (this.hasAttribute(name)) base.searchParams.set(name, this.getAttribute(name) || '1');
    const file = this.getAttribute('file');
    if (file !== null) {
      const checked = fileSource(file, document.baseURI);
      if (!checked.ok) return undefined;
      base.searchParams.set('file', checked.url.href);
    }
    for (const [k, v] of Object.entries(paramsOf(this.getAttribute('params')))) base.searchParams.set(k, v);
    return base.href;
  }

  connectedCallback(): void {
    this.connected = true;
    window.addEventListener('message', this.onMessage);
    if (!this.frame.getAttribute('src') && this.problem.hidden) this.reload();
  }

  disconnectedCallback(): void {
    this.connected = false;
    window.removeEventListener('message', this.onMessage);
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (!this.connected || old === value) return;
    if (name === 'title') {
      this.frame.title = value ?? 'kubedeck';
      return;
    }
    // Before the embed is ready, or for what the protocol cannot change, load the new link.
    if (!this.ready || name === 'src' || name === 'file' || name === 'controls' || name === 'origins' || name === 'keys' || name === 'autoplay') {
      if (name !== 'autoplay') this.reload();
      return;
    }
    switch (name) {
      case 'lang':
        if (value === 'en' || value === 'ko') this.send({ type: 'lang', lang: value });
        return;
      case 'theme':
        if (value === 'dark' || value === 'light' || value === 'contrast') this.send({ type: 'theme', theme: value });
        return;
      case 'speed': {
        const n = Number(value ?? '1');
        if (isSpeed(n)) this.send({ type: 'speed', speed: n });
        return;
      }
      case 'loop':
        this.send({ type: 'loop', loop: value !== null && value !== '0' && value !== 'false' });
        return;
      case 'step': {
        const n = Number(value);
        if (Number.isInteger(n) && n >= 1) this.goto(n - 1);
        return;
      }
      default:
        // scenario, k8s, params: another scenario in the same frame.
        this.load({ scenario: this.getAttribute('scenario') ?? 'pod-creation', ...this.loadExtras() });
    }
  }

  play(): void {
    this.send({ type: 'play' });
  }
  pause(): void {
    this.send({ type: 'pause' });
  }
  toggle(): void {
    this.send({ type: 'toggle' });
  }
  /** Next step. */
  step(): void {
    this.send({ type: 'step' });
  }
  /** Start of this step, or the previous one. */
  back(): void {
    this.send({ type: 'back' });
  }
  /** Go to a 0-based step; `{ play: true }` plays it through and pauses at its end. */
  goto(step: number, options: { readonly play?: boolean } = {}): void {
    this.send(options.play === true ? { type: 'goto', step, play: true } : { type: 'goto', step });
  }
  /** Presentation time in seconds. */
  seek(time: number): void {
    this.send({ type: 'seek', time });
  }
  load(options: LoadOptions): void {
    this.send({ type: 'load', ...options });
  }
  /** Asks the embed for its status; resolves with the next `state` event. */
  getState(): Promise<EmbedStatus> {
    return new Promise((resolve) => {
      this.addEventListener('kubedeck-state', (event) => resolve((event as CustomEvent<EmbedStatus>).detail), { once: true });
      this.send({ type: 'getState' });
    });
  }

  private loadExtras(): Omit<LoadOptions, 'scenario'> {
    const k8s = this.getAttribute('k8s');
    const params = paramsOf(this.getAttribute('params'));
    return { ...(k8s ? { k8s: k8s.replace(/^v/, '') } : {}), ...(Object.keys(params).length > 0 ? { params } : {}) };
  }

  private reload(): void {
    this.ready = false;
    this.queue = [];
    this.frame.title = this.getAttribute('title') ?? 'kubedeck';
    const src = this.getAttribute('src');
    const source = src === null ? undefined : frameSource(src, document.baseURI);
    if (source?.ok === false) {
      this.refuse(source.message);
      return;
    }
    const file = this.getAttribute('file');
    const fileChecked = file === null ? undefined : fileSource(file, document.baseURI);
    if (fileChecked?.ok === false) {
      this.refuse(fileChecked.message);
      return;
    }
    this.problem.hidden = true;
    this.frame.hidden = false;
    this.frame.src = this.frameUrl ?? 'about:blank';
  }

  /** Shows why nothing is framed, as text, and reports it as a kubedeck-error event. */
  private refuse(message: string): void {
    // Never handed to the frame: a javascript: or data: link would run in this page or its opaque origin.
    this.frame.removeAttribute('src');
    this.frame.hidden = true;
    this.problem.textContent = message;
    this.problem.hidden = false;
    const detail: EmbedEvent = { kubedeck: PROTOCOL_VERSION, type: 'error', code: 'bad-params', message };
    this.dispatchEvent(new CustomEvent('kubedeck-error', { detail, bubbles: true, composed: true }));
  }

  /** Commands wait in order until the embed is ready. */
  private send(command: CommandBody): void {
    if (!this.ready) {
      this.queue.push(command);
      return;
    }
    const target = this.frame.contentWindow;
    if (!target) return;
    let origin = '*';
    try {
      const url = new URL(this.frame.src);
      if (url.protocol === 'http:' || url.protocol === 'https:') origin = url.origin;
    } catch {
      // keep '*'
    }
    target.postMessage({ ...command, kubedeck: PROTOCOL_VERSION }, origin);
  }

  private receive(event: MessageEvent<unknown>): void {
    // Only our own frame speaks for this element.
    if (event.source === null || event.source !== this.frame.contentWindow) return;
    const data = event.data;
    if (!isKubedeckMessage(data) || data.kubedeck !== PROTOCOL_VERSION || !('type' in data)) return;
    const message = data as EmbedEvent;
    if (!(EVENT_TYPES as readonly string[]).includes(message.type)) return;
    if (message.type !== 'error' && message.type !== 'key') this.last = message;
    this.dispatchEvent(new CustomEvent(`kubedeck-${message.type}`, { detail: message, bubbles: true, composed: true }));
    if (message.type === 'ready' && !this.ready) {
      this.ready = true;
      const pending = this.queue;
      this.queue = [];
      for (const command of pending) this.send(command);
    }
  }
}

if (!customElements.get('kube-deck')) customElements.define('kube-deck', KubeDeckElement);

declare global {
  interface HTMLElementTagNameMap {
    'kube-deck': KubeDeckElement;
  }
}
