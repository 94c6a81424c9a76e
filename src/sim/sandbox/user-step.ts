/** Step ids of the learner's commands (and of the cluster's reactions to them) start with this: `you-1`, `you-2`... */
export const USER_STEP_PREFIX = 'you-';
