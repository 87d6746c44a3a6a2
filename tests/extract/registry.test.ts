import { describe, expect, it } from 'vitest';
import { parseRegistry, RegistryError } from '../../src/registry/load-registry.ts';
import { extractText } from '../../src/pipeline.ts';

describe("the curator's registry", () => {
  it('reports a mistake with its file and line', () => {
    const text = 'people:\n  - name: Ryosei Akazawa\n    roles: negotiator\n';
    expect(() => parseRegistry(text, 'data/registry.yaml')).toThrow(RegistryError);
    try {
      parseRegistry(text, 'data/registry.yaml');
    } catch (error) {
      expect((error as Error).message).toMatch(/^data\/registry\.yaml:3: .*people\.0\.roles/);
    }
    expect(() => parseRegistry('people:\n  - name: [unclosed\n', 'r.yaml')).toThrow(/r\.yaml:\d+/);
    expect(() => parseRegistry('peple: []\n', 'r.yaml')).toThrow(/peple|Unrecognized/);
  });

  it('is data: a person added there is found by every spelling listed', async () => {
    const registry = parseRegistry(
      'countries:\n  - name: Japan\n    aliases: [Japan, Japanese]\npeople:\n  - name: Yoji Muto\n    aliases: [Muto, 武藤容治]\n    country: Japan\n    roles: [trade minister]\n',
      'r.yaml',
    );
    const text = '---\ndate: 2025-07-10\n---\nMuto said the talks would go on, and 武藤容治 repeated it in Tokyo on Thursday to reporters gathered there.\n';
    const { record } = await extractText(new TextEncoder().encode(text), 'a.txt', registry);
    expect(record!.people.map((p) => p.name)).toEqual(['Yoji Muto']);
    expect(record!.people[0]!.evidence).toHaveLength(1);
    expect(record!.people[0]!.country).toBe('Japan');
  });
});
