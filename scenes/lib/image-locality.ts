/**
 * Why ImageLocality scores 0 on a node that already runs the pod's image. The plugin compares the
 * image as the pod names it ("nginx:1.27"; it adds only ":latest" to an untagged name) with the
 * names the kubelet reports from containerd ("docker.io/library/nginx:1.27"), so a short Docker Hub
 * name never matches (pkg/scheduler/framework/plugins/imagelocality; kubernetes#112699, open).
 * A clause for a step whose score tables show it, leading space included.
 */
import { withParticle } from '../../src/model/josa.ts';
import { text, type Localized } from '../../src/model/localized.ts';
import { criImageName } from '../../src/sim/node-images.ts';

export function imageLocalityZero(image: string): Localized {
  const full = criImageName(image);
  return text(
    ` ImageLocality stays 0 even on nodes that run ${image}: it compares "${image}" with the kubelet's "${full}" (an open upstream issue).`,
    ` ${withParticle(image, '이/가')} 있는 노드에서도 ImageLocality는 0입니다. 파드에 적힌 ${withParticle(`"${image}"`, '을/를')} kubelet이 보고하는 ${withParticle(`"${full}"`, '와/과')} 비교하기 때문입니다(업스트림의 미해결 이슈).`,
  );
}
