// cobra's "Did you mean this?" (spf13/cobra command.go, SuggestionsFor): a command is suggested
// when its name starts with what was typed, or is within Levenshtein distance 2 of it, ignoring
// case; suggestions keep the (sorted) order of the commands.

const SUGGESTIONS_MINIMUM_DISTANCE = 2;

export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

export function suggestionsFor(typed: string, names: readonly string[]): string[] {
  const lower = typed.toLowerCase();
  return names.filter((name) => {
    const candidate = name.toLowerCase();
    return levenshtein(lower, candidate) <= SUGGESTIONS_MINIMUM_DISTANCE || candidate.startsWith(lower);
  });
}
