/**
 * The wire between components. Every message is recorded in the trace when it leaves and is
 * delivered after a short, seeded latency. A response finds its way back to the continuation the
 * requester registered, so component logic reads as "ask, then on answer...".
 */
import type { ObjectRef } from '../../model/objects.ts';
import type { SimClock } from '../clock.ts';
import type { Rng } from '../rng.ts';
import type { ComponentId, MessageType } from '../trace.ts';
import type { Envelope, Payload } from './messages.ts';
import type { Tracer } from './tracer.ts';

export type Deliver = (envelope: Envelope) => void;
export type OnReply = (response: Envelope) => void;

export interface Outgoing {
  readonly from: ComponentId;
  readonly to: ComponentId;
  readonly type: MessageType;
  readonly action: string;
  readonly object?: ObjectRef;
  readonly payload: Payload;
  readonly status?: number;
  readonly write?: boolean;
  /** Delivered but not recorded: routine traffic a scenario thins out (most raft heartbeats). */
  readonly untraced?: boolean;
  /** The control loop inside the sender that sends it (kube-controller-manager's controllers): traced as MessageEvent.via. */
  readonly via?: string;
}

/** One-way latency in simulated ms: same host (loopback) or across the network. */
const LATENCY = { local: [1, 2], remote: [2, 6] } as const;

/**
 * One direction between two components, looked up once per message: whether they share a host
 * (as of the registrations it has seen: `epoch`) and when the last message on it arrives.
 */
interface Channel {
  local: boolean;
  epoch: number;
  last: number;
  /** The receiver's endpoint as of `epoch` (a registration bumps it): delivery looks it up no more. */
  deliver: Deliver | undefined;
  /** The way back (receiver to sender), once an answer took it: a reply finds its channel without a lookup. */
  reverse: Channel | undefined;
}

/** A channel as its sender keeps it (Network.route): the same object the network looks up. */
export type Route = Channel;

/**
 * An envelope in flight. One class with every field present (unset ones undefined): every
 * receiver reads the same shape, where envelopes built field by field had one shape per
 * combination of the optional fields, and the reads of each (deliver's, every handler's) went
 * through V8's slow, megamorphic lookups. Envelopes are not traced (the tracer records its own).
 */
class Message implements Envelope {
  /** A request's continuation, until its answer arrives (instead of a map from id to continuation). */
  onReply: OnReply | undefined = undefined;
  constructor(
    /** The channel it travels (network-internal: receivers read the Envelope fields). */
    readonly channel: Channel,
    /** An answer's request, where its continuation waits. */
    readonly request: Message | undefined,
    readonly id: number,
    readonly from: ComponentId,
    readonly to: ComponentId,
    readonly type: MessageType,
    readonly action: string,
    readonly payload: Payload,
    readonly object: ObjectRef | undefined,
    readonly replyTo: number | undefined,
    readonly status: number | undefined,
  ) {}
}

export class Network {
  private readonly endpoints = new Map<ComponentId, Deliver>();
  private readonly hosts = new Map<ComponentId, string>();
  /** Per sender, per receiver (nested maps: no key string per message). */
  private readonly channels = new Map<ComponentId, Map<ComponentId, Channel>>();
  /** Bumped by every registration: a channel's `local` is re-read when it is older. */
  private epoch = 0;
  /** Hosts cut off from the control plane (a network partition), and which hosts are the control plane. */
  private readonly cutHosts = new Set<string>();
  private controlPlaneHost: (host: string) => boolean = () => false;

  constructor(
    private readonly clock: SimClock,
    private readonly rng: Rng,
    private readonly tracer: Tracer,
  ) {}

  register(id: ComponentId, host: string, deliver: Deliver): void {
    this.endpoints.set(id, deliver);
    this.hosts.set(id, host);
    this.epoch++;
  }

  isRegistered(id: ComponentId): boolean {
    return this.endpoints.has(id);
  }

  /**
   * A partition: nothing crosses between `host` and the control plane until `mend`. Lost messages
   * are neither traced nor delivered (nobody sees them arrive), and their callers hear no answer.
   */
  cut(host: string, isControlPlane: (host: string) => boolean): void {
    this.cutHosts.add(host);
    this.controlPlaneHost = isControlPlane;
  }

  mend(host: string): void {
    this.cutHosts.delete(host);
  }

  isCut(host: string): boolean {
    return this.cutHosts.has(host);
  }

  private crossesCut(from: ComponentId, to: ComponentId): boolean {
    if (this.cutHosts.size === 0) return false;
    const a = this.hosts.get(from) ?? '';
    const b = this.hosts.get(to) ?? '';
    return (this.cutHosts.has(a) && this.controlPlaneHost(b)) || (this.cutHosts.has(b) && this.controlPlaneHost(a));
  }

  /**
   * The way from one component to another, for a sender that sends on it often (kube-apiserver to
   * each watcher): passed to send(), it spares the two lookups by sender and receiver per message.
   */
  route(from: ComponentId, to: ComponentId): Route {
    return this.channel(from, to);
  }

  /**
   * Sends a message; `onReply` runs when a response naming it arrives back. Returns its id.
   * `route`: route(out.from, out.to), kept by the sender.
   */
  send(out: Outgoing, onReply?: OnReply, route?: Route): number {
    if (this.crossesCut(out.from, out.to)) return -1;
    return this.emit(this.kept(route, out.from, out.to), undefined, out.from, out.to, out.type, out.action, out.payload, out.object, undefined, out.status, out.write === true, out.untraced === true, onReply, out.via);
  }

  /**
   * send() with the message's fields as arguments, none of the optional ones but `object`, `via`
   * and `write`: no Outgoing object per message for the senders of most of a big run's messages
   * (kube-apiserver's watch pushes and etcd calls, every component's API calls).
   */
  post(from: ComponentId, to: ComponentId, type: MessageType, action: string, object: ObjectRef | undefined, payload: Payload, onReply?: OnReply, route?: Route, via?: string, write = false): number {
    if (this.crossesCut(from, to)) return -1;
    return this.emit(this.kept(route, from, to), undefined, from, to, type, action, payload, object, undefined, undefined, write, false, onReply, via);
  }

  /** The sender's kept route while the network's channels are those it was taken from, else the lookup. */
  private kept(route: Route | undefined, from: ComponentId, to: ComponentId): Channel {
    return route !== undefined && route.epoch === this.epoch ? route : this.channel(from, to);
  }

  /** Answers a request: travels back to the requester and resumes its continuation. */
  reply(request: Envelope, out: Omit<Outgoing, 'to' | 'type' | 'from'> & { readonly from?: ComponentId }): number {
    // No Outgoing built for the answer: every request is answered.
    const from = out.from ?? request.to;
    const to = request.from;
    if (this.crossesCut(from, to)) return -1;
    return this.emit(this.replyChannel(request, from, to), request instanceof Message ? request : undefined, from, to, 'response', out.action, out.payload, out.object ?? request.object, request.id, out.status, out.write === true, out.untraced === true, undefined);
  }

  /**
   * reply() from the request's receiver, about the request's object, neither a write nor
   * untraced, with its fields as arguments: no object per answer for the answers of most of a
   * big run (kube-apiserver's, etcd's, containerd's).
   */
  answer(request: Envelope, action: string, payload: Payload, status?: number): number {
    const from = request.to;
    const to = request.from;
    if (this.crossesCut(from, to)) return -1;
    return this.emit(this.replyChannel(request, from, to), request instanceof Message ? request : undefined, from, to, 'response', action, payload, request.object, request.id, status, false, false, undefined);
  }

  /** The channel back to the requester: the request's own channel's reverse, kept once found. */
  private replyChannel(request: Envelope, from: ComponentId, to: ComponentId): Channel {
    if (!(request instanceof Message) || request.to !== from) return this.channel(from, to);
    const forward = request.channel;
    let back = forward.reverse;
    if (back === undefined) forward.reverse = back = this.channel(from, to);
    else if (back.epoch !== this.epoch) this.refresh(back, from, to);
    return back;
  }

  /** Positional: one envelope is all a message allocates (besides its trace record and timer). */
  private emit(channel: Channel, request: Message | undefined, from: ComponentId, to: ComponentId, type: MessageType, action: string, payload: Payload, object: ObjectRef | undefined, replyTo: number | undefined, status: number | undefined, write: boolean, untraced: boolean, onReply: OnReply | undefined, via?: string): number {
    const id = this.tracer.allocateMessageId();
    const latency = this.orderedLatency(channel);
    const envelope = new Message(channel, request, id, from, to, type, action, payload, object, replyTo, status);
    if (!untraced) this.tracer.message(id, from, to, type, action, this.clock.now() + latency, object, replyTo, status, write, via);
    if (onReply) envelope.onReply = onReply;
    this.clock.call(this.deliverBound, envelope, latency);
    return id;
  }

  private readonly deliverBound = (envelope: Message): void => this.deliver(envelope);

  private deliver(envelope: Message): void {
    // An answer resumes its request's continuation, once (a second answer goes to the endpoint).
    const request = envelope.request;
    if (request !== undefined) {
      const resume = request.onReply;
      if (resume !== undefined) {
        request.onReply = undefined;
        resume(envelope);
        return;
      }
    }
    // The endpoint registered now (a registration since the send bumped the epoch: looked up again).
    const channel = envelope.channel;
    if (channel.epoch !== this.epoch) this.refresh(channel, envelope.from, envelope.to);
    channel.deliver?.(envelope);
  }

  /**
   * Messages between two components travel one connection (an HTTP/2 or gRPC stream), so they
   * arrive in the order they were sent: never before an earlier message on the same pair. Without
   * this, a watcher could see MODIFIED after DELETED and its informer would go stale.
   */
  private orderedLatency(channel: Channel): number {
    const now = this.clock.now();
    const [min, max] = channel.local ? LATENCY.local : LATENCY.remote;
    const arrive = Math.max(now + this.rng.between(min, max), channel.last);
    channel.last = arrive;
    return arrive - now;
  }

  private channel(from: ComponentId, to: ComponentId): Channel {
    let byReceiver = this.channels.get(from);
    if (byReceiver === undefined) this.channels.set(from, (byReceiver = new Map()));
    let channel = byReceiver.get(to);
    if (channel === undefined) byReceiver.set(to, (channel = { local: false, epoch: -1, last: 0, deliver: undefined, reverse: undefined }));
    if (channel.epoch !== this.epoch) this.refresh(channel, from, to);
    return channel;
  }

  /** Re-reads what registrations decide: whether both ends share a host, and the receiver's endpoint. */
  private refresh(channel: Channel, from: ComponentId, to: ComponentId): void {
    channel.local = this.hosts.get(from) === this.hosts.get(to);
    channel.deliver = this.endpoints.get(to);
    channel.epoch = this.epoch;
  }
}
