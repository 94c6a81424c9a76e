import type { ScenarioDefinition } from '../../src/sim/scenario.ts';

/**
 * What is known of a scenario before its code loads: the picker, links, titles and
 * `kubedeck list` need only this (scenes/registry.ts). Each scenario spreads its own.
 */
export type ScenarioAbout = Pick<ScenarioDefinition, 'id' | 'title' | 'summary' | 'params' | 'runsLong'>;
