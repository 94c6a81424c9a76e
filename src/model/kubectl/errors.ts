// Every message the parser returns, in kubectl's own wording. kubectl prints a client-side
// error as "error: " + the message (k8s.io/kubectl/pkg/cmd/util/helpers.go, CheckErr/fatalErrHandler)
// and an API status error as "Error from server (Reason): " + the status message
// (helpers.go, StandardErrorMessage). Each entry names where its text comes from; the ones marked
// "kubedeck" have no kubectl counterpart (fault and time commands, things the sandbox leaves out).

/** A client-side error, as CheckErr prints it. */
const client = (message: string): string => `error: ${message}`;

/** The plural REST resource with its API group, as API status messages name it. */
export type QualifiedResource = 'pods' | 'deployments.apps' | 'replicasets.apps' | 'services' | 'nodes' | 'daemonsets.apps' | 'namespaces';

// spf13/cobra command.go, Find -> legacyArgs: `unknown command %q for %q` + findSuggestions,
// which appends "\n\nDid you mean this?\n" and "\t<name>\n" per suggestion.
export const unknownCommand = (typed: string, commandPath: string, suggestions: readonly string[]): string =>
  client(
    `unknown command "${typed}" for "${commandPath}"` +
      (suggestions.length > 0 ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : ''),
  );

// k8s.io/apimachinery pkg/api/errors/errors.go, NewNotFound: `%s %q not found` (qualified resource).
export const notFound = (resource: QualifiedResource, name: string): string =>
  `Error from server (NotFound): ${resource} "${name}" not found`;

// errors.go, NewAlreadyExists: `%s %q already exists`.
export const alreadyExists = (resource: QualifiedResource, name: string): string =>
  `Error from server (AlreadyExists): ${resource} "${name}" already exists`;

// errors.go, NewInvalid: `%s %q is invalid: %s` for a kind, e.g. `The Deployment "web" is invalid: ...`
// (the "The " prefix comes from NewInvalid's message format).
export const invalidObject = (kind: 'Pod' | 'Deployment' | 'Service', name: string, field: string, value: string, detail: string): string =>
  `The ${kind} "${name}" is invalid: ${field}: Invalid value: ${value}: ${detail}`;

// errors.go NewInvalid with field.NotSupported: `Unsupported value: %q: supported values: ...`.
export const unsupportedServiceType = (name: string, value: string): string =>
  `The Service "${name}" is invalid: spec.type: Unsupported value: "${value}": supported values: "ClusterIP", "NodePort"`;

// k8s.io/cli-runtime pkg/resource/builder.go, mappingFor: `the server doesn't have a resource type %q`
// when the RESTMapper knows no such resource.
export const unknownResourceType = (typed: string): string => client(`the server doesn't have a resource type "${typed}"`);

// spf13/cobra command.go, validateRequiredFlags: `required flag(s) "%s" not set`.
export const requiredFlag = (...names: readonly string[]): string => client(`required flag(s) "${names.join('", "')}" not set`);

// spf13/pflag flag.go, FlagSet.set: `invalid argument %q for %q flag: %v` with the flag shown as
// "--name" or "-s, --name"; the cause is strconv's message.
export const invalidFlagArgument = (value: string, flag: string, cause: string): string =>
  client(`invalid argument "${value}" for "${flag}" flag: ${cause}`);

// Go strconv: `strconv.ParseInt: parsing %q: invalid syntax` / `value out of range`.
export const parseIntSyntax = (value: string): string => `strconv.ParseInt: parsing "${value}": invalid syntax`;
export const parseIntRange = (value: string): string => `strconv.ParseInt: parsing "${value}": value out of range`;
export const parseBoolSyntax = (value: string): string => `strconv.ParseBool: parsing "${value}": invalid syntax`;

// spf13/pflag flag.go, parseLongArg / parseSingleShortArg.
export const unknownFlag = (name: string): string => client(`unknown flag: --${name}`);
export const unknownShorthand = (letter: string, token: string): string => client(`unknown shorthand flag: '${letter}' in ${token}`);
export const flagNeedsArgument = (shown: string): string => client(`flag needs an argument: ${shown}`);

// k8s.io/cli-runtime pkg/resource/builder.go, ResourceTypeOrNameArgs (the missing ")" is upstream's).
export const separateResourceType = (): string =>
  client(
    "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
  );
// builder.go, resourceTupleMappings / splitResourceTypeName.
export const resourceNameFormSingle = (): string => client('arguments in resource/name form must have a single resource and name');
// builder.go, visitorResult: names are required but none were given.
export const noNameSpecified = (): string => client('resource(s) were provided, but no name was specified');
// kubectl pkg/cmd/delete/delete.go: the same check for delete, which also accepts a selector or --all.
export const deleteNoName = (): string => client('resource(s) were provided, but no name, label selector, or --all flag specified');
// kubectl pkg/cmd/util/helpers.go, UsageErrorf via cmdutil "You must provide one or more resources by argument or filename." (delete.go, expose.go).
export const noResources = (): string =>
  client(
    "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
  );

// kubectl pkg/cmd/run/run.go, Run: `NAME is required for run`.
export const runNameRequired = (): string => client('NAME is required for run');
// kubectl pkg/cmd/create/create_deployment.go, Complete (via NameFromCommandArgs): `exactly one NAME is required, got %d`.
export const exactlyOneName = (got: number): string => client(`exactly one NAME is required, got ${got}`);
// kubectl pkg/cmd/create/create.go, the command's Run without -f: it writes
// "Error: must specify one of -f and -k" (capital E, not through CheckErr) before the help text.
export const createNeedsFile = (): string => 'Error: must specify one of -f and -k';
// kubectl pkg/cmd/apply/apply.go: no -f, and an empty manifest.
export const applyNeedsFile = (): string => client('must specify one of -f and -k');
export const applyNoObjects = (): string => client('no objects passed to apply');
// cli-runtime builder.go, FilenameParam on a path that is not there.
export const pathDoesNotExist = (path: string): string => client(`the path "${path}" does not exist`);

// kubectl pkg/cmd/scale/scale.go, Validate.
export const negativeReplicas = (): string => client('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');

// kubectl pkg/cmd/set/set_image.go, Validate.
export const setImageNoResource = (): string => client('one or more resources must be specified as <resource> <name> or <resource>/<name>');
export const setImageNoUpdate = (): string => client('at least one image update is required');

// kubectl pkg/cmd/rollout/rollout_undo.go and rollout_status.go, Complete/Validate.
export const requiredResource = (): string => client('required resource not specified');

// kubectl pkg/cmd/drain/drain.go (cordon, uncordon and drain share it): UsageErrorf(cmd, "USAGE: %s [flags]", cmd.Use).
export const nodeUsage = (use: string, verb: string): string => client(`USAGE: ${use} [flags]\nSee 'kubectl ${verb} -h' for help and examples`);

// kubectl pkg/cmd/taint/utils.go, parseTaint / validateTaintEffect; taint.go, validateFlags.
export const invalidTaintSpec = (spec: string): string => client(`invalid taint spec: ${spec}`);
export const invalidTaintEffect = (effect: string): string => client(`invalid taint effect: ${effect}, unsupported taint effect`);
export const taintNoUpdate = (): string => client('at least one taint update is required');
// taint.go, Validate: taints apply to nodes only.
export const taintNodesOnly = (typed: string): string => client(`invalid resource type ${typed}, only node types are supported`);

// kubectl pkg/cmd/label/label.go, parseLabels / Validate; pkg/cmd/run (generator ParseLabels).
export const invalidLabelSpec = (spec: string): string => client(`invalid label spec: ${spec}`);
export const labelNoUpdate = (): string => client('at least one label update is required');

// kubectl pkg/cmd/expose/expose.go, RunExpose: `cannot expose a %s` for kinds it has no generator for.
export const cannotExpose = (kind: string): string => client(`cannot expose a ${kind}`);

// kubedeck: a resource type kubectl knows for this verb but the sandbox does not model here.
export const notInSandbox = (verb: string, typed: string): string => client(`kubedeck's sandbox cannot ${verb} ${typed}`);
// kubedeck: arguments kubectl would pass on (a container command) that the sandbox does not take.
export const unexpectedArguments = (verb: string, args: readonly string[]): string =>
  client(`kubedeck's sandbox does not take these arguments to ${verb}: ${args.join(' ')}`);
// kubedeck: one target per scale, rollout and expose command.
export const oneTargetOnly = (verb: string): string => client(`kubedeck's sandbox ${verb}s one resource at a time`);
// kubedeck: shell-style quoting left open.
export const unterminatedQuote = (quote: string): string => client(`unterminated ${quote} quote`);
export const emptyCommand = (): string => client('no command given');
// kubedeck: fault and time commands.
export const etcdMemberNotFound = (name: string): string => client(`etcd member "${name}" not found`);
export const faultUsage = (usage: string): string => client(`USAGE: ${usage}`);
// kubedeck: its own commands (faults, wait) typed after "kubectl", which has none of them.
export const notKubectl = (path: string): string => client(`"${path}" is a kubedeck sandbox command, not kubectl's: type it without "kubectl"`);
// kubedeck: kubectl wait exists (it waits for a condition on resources), but is not the sandbox's wait.
export const kubectlWait = (): string =>
  client('kubedeck\'s sandbox cannot run "kubectl wait" (it waits for a condition on resources); to let simulated time pass, type "wait 30s"');
export const invalidDuration = (typed: string): string =>
  client(`invalid duration "${typed}": give seconds (30) or units (30s, 2m, 1m30s, 1h) greater than zero`);

// k8s.io/apimachinery pkg/util/validation/validation.go: IsValidLabelValue, IsDNS1123Subdomain and
// IsDNS1035Label messages, built by RegexError (hence the doubled spaces before "or").
const LABEL_VALUE_MESSAGE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const DNS1123_SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS1035_LABEL_MESSAGE =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

// kubectl pkg/cmd/label/label.go, parseLabels: `invalid label value: %q: %s`.
export const invalidLabelValue = (spec: string): string => client(`invalid label value: "${spec}": ${LABEL_VALUE_MESSAGE}`);
// The API server's metadata.name validation (DNS-1123 subdomain; a Service name is a DNS-1035 label).
export const invalidName = (kind: 'Pod' | 'Deployment' | 'Service', name: string): string =>
  invalidObject(kind, name, 'metadata.name', `"${name}"`, kind === 'Service' ? DNS1035_LABEL_MESSAGE : DNS1123_SUBDOMAIN_MESSAGE);
// kubedeck: one label command labels objects of one type.
export const labelOneType = (): string => client("kubedeck's sandbox labels objects of one type at a time");
