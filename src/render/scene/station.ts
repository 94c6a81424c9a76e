/**
 * A component's station: a card with its community icon and its name, a glow while it works
 * (ActivityEvent) with the activity named in the card, dimmed when outside the step's focus,
 * crossed out when the component is down. The ship metaphor lives in the shapes and the info card,
 * not in a sub-label: an idle card shows its name alone, centred, with the room that frees.
 */
import { Container, Graphics, Sprite, type Text } from '../pixi-parts.ts';
import type { ComponentId, ComponentStatus } from '../../sim/trace.ts';
import type { Lang } from '../../model/localized.ts';
import type { Rect } from '../layout.ts';
import type { Palette, Role } from '../theme.ts';
import { iconTexture, loadedIcon, type IconName } from '../icons.ts';
import { fitText, makeText, markSecondary, restyle } from './text.ts';
import { dimLook } from '../dim-look.ts';
import { activityForms } from '../short-label.ts';

/** Statuses as the card names them (raft roles of etcd members, a component that is down). */
export const STATUS_LABEL: Readonly<Record<ComponentStatus, { readonly en: string; readonly ko: string }>> = {
  up: { en: 'up', ko: '정상' },
  down: { en: 'down', ko: '다운' },
  leader: { en: 'leader', ko: '리더' },
  follower: { en: 'follower', ko: '팔로워' },
  'pre-candidate': { en: 'pre-candidate', ko: '예비 후보' },
  candidate: { en: 'candidate', ko: '후보' },
};

export interface StationSpec {
  readonly id: ComponentId;
  readonly name: string;
  /** Used on compact cards (many ships) when the name does not fit. */
  readonly shortName?: string;
  readonly role: Role;
  /** None: a narrow card whose name needs all its width (an etcd member). */
  readonly icon: IconName | undefined;
}

export class StationView extends Container {
  readonly spec: StationSpec;
  private readonly glow = new Graphics();
  private readonly card = new Graphics();
  private readonly icon = new Sprite();
  private readonly nameText: Text;
  private readonly subText: Text;
  private readonly downMark = new Graphics();
  /** Plates under the words of a struck card (drawPlates). */
  private readonly downPlates = new Graphics();
  /** A leader's card is filled with its role colour (an etcd member leading the raft group). */
  private readonly leaderFill = new Graphics();
  private box: Rect = { x: 0, y: 0, w: 0, h: 0 };
  private palette: Palette | undefined;
  private lang: Lang = 'en';
  private fs = 1;
  private activity: string | undefined = undefined;
  private status: ComponentStatus = 'up';
  /** Header mode: icon and name in a top row, for a tall card (the officers' deck). */
  private header = false;
  private nameFitted = false;
  /** Width kept free at the card's right end for a badge (kube-proxy's rules on a compact ship). */
  private reserved = 0;
  /** Outside the step's focus (dim-look.ts). */
  private dimmed = false;
  private cardAlpha = 1;
  /** The activity's glow, 0..1, before the dim (the glow fades with the card). */
  private glowLevel = 0;
  /** Who the card's activity is by, when not its own component (see setActivity). */
  private actingAs: string | undefined;

  constructor(spec: StationSpec) {
    super();
    this.spec = spec;
    this.nameText = makeText({ size: 16, weight: '700', fill: 0xffffff });
    this.subText = markSecondary(makeText({ size: 14, fill: 0xffffff }));
    // The cross goes under the words, on plates (drawPlates): "down" and the name stay legible.
    this.addChild(this.glow, this.card, this.leaderFill, this.icon, this.downMark, this.downPlates, this.nameText, this.subText);
    this.glow.alpha = 0;
    this.eventMode = 'static';
    this.cursor = 'pointer';
    this.label = spec.id;
  }

  get rect(): Rect {
    return this.box;
  }

  setLang(lang: Lang): void {
    if (this.lang === lang) return;
    this.lang = lang;
    this.refreshText();
  }

  layout(box: Rect, palette: Palette, fs: number, header = false): void {
    this.box = box;
    this.palette = palette;
    this.fs = fs;
    this.header = header;
    const roleColour = palette.role[this.spec.role];
    const r = Math.min(12 * fs, box.h / 3);
    this.card.clear();
    this.card.roundRect(box.x, box.y, box.w, box.h, r).fill({ color: palette.card }).stroke({ width: palette.edgeWidth * 1.3, color: roleColour });
    this.glow.clear();
    this.glow.roundRect(box.x - 6 * fs, box.y - 6 * fs, box.w + 12 * fs, box.h + 12 * fs, r + 6 * fs).fill({ color: roleColour, alpha: 0.35 });
    this.glow.roundRect(box.x - 2 * fs, box.y - 2 * fs, box.w + 4 * fs, box.h + 4 * fs, r + 2 * fs).stroke({ width: 3 * fs, color: roleColour });
    const stacked = this.stacked();
    const iconSize = this.spec.icon === undefined ? 0 : header ? 26 * fs : stacked ? 24 * fs : Math.min(box.h - 12 * fs, 44 * fs);
    this.icon.width = iconSize;
    this.icon.height = iconSize;
    this.icon.position.set(box.x + (stacked ? 6 : 8) * fs, header || stacked ? box.y + 6 * fs : box.y + (box.h - iconSize) / 2);
    const iconName = this.spec.icon;
    this.icon.visible = iconName !== undefined;
    if (iconName !== undefined) {
      const tex = loadedIcon(iconName, roleColour);
      if (tex) this.icon.texture = tex;
      else void iconTexture(iconName, roleColour).then((t) => (this.icon.texture = t));
    }
    const look = dimLook(palette, this.dimmed);
    restyle(this.nameText, { size: 16 * fs, weight: look.nameWeight, fill: look.nameFill });
    this.nameFitted = false;
    restyle(this.subText, { size: 14 * fs, fill: palette.muted });
    this.leaderFill.clear();
    this.leaderFill.roundRect(box.x, box.y, box.w, box.h, r).fill({ color: roleColour, alpha: 0.22 }).stroke({ width: palette.edgeWidth * 2.6, color: roleColour });
    this.downMark.clear();
    this.downMark
      .moveTo(box.x + 6 * fs, box.y + 6 * fs)
      .lineTo(box.x + box.w - 6 * fs, box.y + box.h - 6 * fs)
      .moveTo(box.x + box.w - 6 * fs, box.y + 6 * fs)
      .lineTo(box.x + 6 * fs, box.y + box.h - 6 * fs)
      .stroke({ width: 2.5 * fs, color: palette.error, alpha: 0.65 });
    this.refreshText();
    this.applyStatus();
    this.applyDim(palette);
  }

  /**
   * Keep `w` px free at the card's right end: the name gives way when it no longer fits whole
   * (the icon still says which component it is), and the icon too when the card is narrower still.
   */
  reserveRight(w: number): void {
    if (w === this.reserved) return;
    this.reserved = w;
    this.icon.visible = this.spec.icon !== undefined;
    this.nameText.visible = true;
    this.nameFitted = false;
    this.refreshText();
  }

  /** A narrow card (a ship's crew): small icon beside the name, the role on its own line below. */
  private stacked(): boolean {
    return !this.header && this.box.w < 150 * this.fs && this.box.h >= 46 * this.fs;
  }

  private refreshText(): void {
    const p = this.palette;
    if (p === undefined) return;
    const box = this.box;
    const fs = this.fs;
    const stacked = this.stacked();
    const textX = this.icon.visible ? this.icon.x + this.icon.width + (stacked ? 5 : 8) * fs : box.x + 5 * fs;
    const maxW = box.x + box.w - textX - (stacked || !this.icon.visible ? 4 : 8) * fs - this.reserved;
    const compact = box.h < 44 * fs;
    if (!this.nameFitted) {
      // The name only changes with the layout (or who acts); activity updates skip re-measuring it.
      this.nameText.visible = true;
      const name = this.actingAs ?? this.spec.name;
      const short = this.actingAs === undefined ? this.spec.shortName : undefined;
      fitText(this.nameText, name, maxW, (compact ? 14 : stacked ? 15 : 16) * fs);
      if (this.nameText.text !== name && short !== undefined) fitText(this.nameText, short, maxW, (compact ? 14 : 15) * fs);
      // A narrow card gives its icon's room to a name that would not fit whole (a small embed's crew).
      const want = short ?? name;
      // fitText leaves a text whole when there is no room at all (maxW <= 0): that is no fit either.
      const whole = (this.nameText.text === name || this.nameText.text === want) && maxW > 0 && this.nameText.width <= maxW;
      if (this.reserved > 0 && !whole) {
        // A badge holds the right end: rather no name than a cut one; the icon stays if it fits beside the badge.
        this.nameText.visible = false;
        this.icon.visible = this.spec.icon !== undefined && this.icon.x + this.icon.width + 4 * fs <= box.x + box.w - this.reserved;
        this.nameFitted = true;
      } else if (this.nameText.text !== name && this.nameText.text !== want && this.icon.visible) {
        this.icon.visible = false;
        this.nameFitted = false;
        this.refreshText();
        return;
      }
      this.nameFitted = true;
    }
    const sub = this.status !== 'up' && (this.status === 'down' || this.spec.icon === undefined) ? STATUS_LABEL[this.status][this.lang] : (this.activity ?? '');
    this.subText.style.fill = this.activity !== undefined ? p.role[this.spec.role] : this.status === 'down' ? p.error : p.muted;
    this.subText.style.fontWeight = this.activity !== undefined || this.status === 'leader' || this.status === 'down' ? '700' : '400';
    if (this.status === 'leader') this.subText.style.fill = p.text;
    // A header row puts the activity after the name, in what is left of the row.
    const subW = this.header ? box.x + box.w - 8 * fs - (textX + this.nameText.width + 10 * fs) : stacked ? box.w - 12 * fs : maxW;
    fitText(this.subText, sub, subW, 14 * fs);
    // A long activity label falls back to a shorter form of whole words, the first that fits:
    // its head ("authenticate: x509 client certificate (...)" -> "authenticate"; a colon and a
    // space: "10.96.0.1:443" is not a head), or itself without a closing aside ("sandbox (pause)"
    // -> "sandbox", not "sandbox (pa…").
    if (this.subText.text !== sub) {
      for (const form of activityForms(sub)) {
        fitText(this.subText, form, subW, 14 * fs);
        if (this.subText.text === form) break;
      }
    }
    // A header row (name, then the activity beside it) keeps its activity even when low.
    this.subText.visible = (!compact || this.header) && sub !== '';
    if (stacked && !this.subText.visible) {
      // Idle crew card: the name alone, centred in the card.
      this.nameText.position.set(textX, box.y + (box.h - this.nameText.height) / 2);
      if (this.icon.visible) this.icon.y = box.y + (box.h - this.icon.height) / 2;
    } else if (stacked) {
      this.icon.y = box.y + 6 * fs;
      this.nameText.position.set(textX, this.icon.y + (24 * fs - this.nameText.height) / 2);
      this.subText.position.set(box.x + 7 * fs, box.y + box.h - this.subText.height - 3 * fs);
    } else if (this.header) {
      // A low strip (a ship's kernel) centres its one row; a tall card keeps it at the top.
      const rowY = box.h < 40 * fs ? box.y + (box.h - this.nameText.height) / 2 : box.y + 6 * fs + (26 * fs - this.nameText.height) / 2;
      this.nameText.position.set(textX, rowY);
      this.subText.position.set(this.nameText.x + this.nameText.width + 10 * fs, this.nameText.y + (this.nameText.height - this.subText.height) / 2);
      if (this.subText.x + this.subText.width > box.x + box.w - 8 * fs) this.subText.visible = false;
    } else if (compact || !this.subText.visible) {
      this.nameText.position.set(textX, box.y + (box.h - this.nameText.height) / 2);
    } else {
      const total = this.nameText.height + this.subText.height - 2 * fs;
      this.nameText.position.set(textX, box.y + (box.h - total) / 2);
      this.subText.position.set(textX, this.nameText.y + this.nameText.height - 2 * fs);
    }
    this.drawPlates(p);
  }

  /**
   * On a struck card, plates in the card's colour under the words part the cross around them:
   * the red "down" on a red X was hard to read. Plates, not a text stroke, so the words measure
   * and wrap the same whether the card is down or up.
   */
  private drawPlates(p: Palette): void {
    const plates = this.downPlates.clear();
    if (this.status !== 'down') return;
    const fs = this.fs;
    for (const t of [this.nameText, this.subText]) {
      if (!t.visible || t.text === '') continue;
      plates.roundRect(t.x - 3 * fs, t.y + 2 * fs, t.width + 6 * fs, Math.max(0, t.height - 4 * fs), 4 * fs).fill({ color: p.card });
    }
  }

  /** An activity is shown in the card now. */
  get busy(): boolean {
    return this.activity !== undefined;
  }

  /**
   * Glow level 0..1 and the activity shown in the card (undefined: none, the name alone).
   * `actingAs`: who does it, when not the card's own component (the operator's shell on the quay's card).
   */
  setActivity(level: number, label: string | undefined, actingAs?: string): void {
    this.glowLevel = level;
    this.glow.alpha = level * this.cardAlpha;
    const whoChanged = actingAs !== this.actingAs;
    if (!whoChanged && label === this.activity) return;
    if (whoChanged) {
      this.actingAs = actingAs;
      // The name shown changes with who acts: measure it again.
      this.nameFitted = false;
    }
    this.activity = label;
    this.refreshText();
  }

  setStatus(status: ComponentStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.applyStatus();
    this.refreshText();
  }

  private applyStatus(): void {
    this.downMark.visible = this.status === 'down';
    this.leaderFill.visible = this.status === 'leader';
  }

  setDimmed(dimmed: boolean, palette: Palette): void {
    if (dimmed === this.dimmed && palette === this.palette) return;
    const weightChanged = dimmed !== this.dimmed;
    this.dimmed = dimmed;
    this.applyDim(palette);
    // Normal weight is narrower than bold: the name is fitted again (a cut name may now fit whole),
    // from the card as layout() leaves it (icon shown), so the fit does not depend on the weights
    // the card had before: a fresh stage and one that got here step by step draw the same card.
    if (weightChanged) {
      this.icon.visible = this.spec.icon !== undefined;
      this.nameText.visible = true;
      this.nameFitted = false;
      this.refreshText();
    }
  }

  private applyDim(palette: Palette): void {
    const look = dimLook(palette, this.dimmed);
    this.cardAlpha = look.cardAlpha;
    for (const part of [this.card, this.leaderFill, this.icon, this.downMark, this.downPlates]) part.alpha = look.cardAlpha;
    this.glow.alpha = this.glowLevel * look.cardAlpha;
    this.nameText.style.fill = look.nameFill;
    this.nameText.style.fontWeight = look.nameWeight;
  }
}
