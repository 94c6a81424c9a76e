/** kubectl set image, rollout undo and rollout status on a Deployment (src/sim/kubectl/rollout*.ts). */
import type { RolloutStatusAction, RolloutUndoAction, SetImageAction } from '../../../model/kubectl/actions.ts';
import { rolloutUndo, setImages } from '../../kubectl/rollout.ts';
import { rolloutStatus } from '../../kubectl/rollout-status.ts';
import type { EffectContext } from './context.ts';
import { serverError, succeeded } from './context.ts';

export function setImage(ctx: EffectContext, a: SetImageAction): void {
  setImages(ctx.cluster, a.deployment, a.images, (answer) => {
    ctx.print(succeeded(answer) ? `deployment.apps/${a.deployment} image updated` : serverError(answer, 'deployments.apps', a.deployment));
    ctx.done(succeeded(answer));
  });
}

export function undo(ctx: EffectContext, a: RolloutUndoAction): void {
  rolloutUndo(
    ctx.cluster,
    a.deployment,
    (message, ok) => {
      ctx.print(message);
      ctx.done(ok);
    },
    a.toRevision ?? 0,
  );
}

export function status(ctx: EffectContext, a: RolloutStatusAction): void {
  rolloutStatus(ctx.cluster, a.deployment, ctx.print, ctx.done);
}
