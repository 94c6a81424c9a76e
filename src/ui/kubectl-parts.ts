// What the command bar needs of src/model/kubectl, as one lazily loaded module (kubectl-lazy.ts).
export { complete } from '../model/kubectl/complete.ts';
export { formatAction } from '../model/kubectl/format.ts';
export { parseCommand } from '../model/kubectl/parse.ts';
export { kubedeckMessage } from '../model/kubectl/kubedeck-errors-ko.ts';
