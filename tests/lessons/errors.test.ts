import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/lessons/parse-lesson.pure';
import { formatProblem } from '../../src/lessons/problems.pure';
import { type ExerciseCatalog, validateLessons } from '../../src/lessons/validate.pure';

const CATALOG: ExerciseCatalog = {
  'eq-boost': { levels: 6, title: 'Spot the EQ boost' },
  'prod-or-mix': { levels: 3 },
};

/** A valid lesson; `front` replaces front-matter lines, `body` the body. Line 12 is the body's first line. */
function lesson(options: { id?: string; front?: Record<string, string | null>; body?: string } = {}): string {
  const fields: Record<string, string | null> = {
    id: options.id ?? 'sample',
    title: 'Sample',
    track: 'mixing',
    order: '1',
    minutes: '5',
    objectives: '[Hear a boost]',
    prerequisites: '[]',
    version: '1',
    ...options.front,
  };
  const front = Object.entries(fields)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}: ${v}`);
  while (front.length < 9) front.push('# padding');
  const body =
    options.body ??
    [
      '## Listen',
      '::listen{song="pop-3" track="vocal" a="flat" b="bell 3k +6"}',
      '',
      '::exercise{kind="eq-boost" level=1 count=5 pass=70}',
    ].join('\n');
  return `---\n${front.join('\n')}\n---\n${body}\n`;
}

/** Every mistake in one or more sources, as "file:line: reason". */
function mistakes(...sources: { file: string; text: string }[]): string[] {
  const out: string[] = [];
  const parsed = [];
  for (const s of sources) {
    const r = parseLesson(s.text, s.file);
    out.push(...r.problems.map(formatProblem));
    if (r.parsed) parsed.push(r.parsed);
  }
  out.push(...validateLessons(parsed, CATALOG).map(formatProblem));
  return out;
}
const one = (text: string) => mistakes({ file: 'lessons/x.md', text });

describe('a valid lesson', () => {
  it('parses with no mistakes, into steps and typed blocks', () => {
    const r = parseLesson(lesson(), 'lessons/x.md');
    expect(r.problems).toEqual([]);
    const l = r.parsed?.lesson;
    expect(l?.stepTitles).toEqual(['Listen']);
    expect(l?.passMarks).toEqual({ 'eq-boost-1': 70 });
    const listen = l?.steps[0]?.blocks[0];
    expect(listen).toMatchObject({ type: 'listen', track: 'vocal', matched: true, line: 13 });
    expect(listen?.type === 'listen' && listen.b.eq).toEqual([
      { type: 'peaking', frequency: 3000, gainDb: 6, q: 1.4 },
    ]);
  });

  it('keeps colons in prose ("4:1", "A:B") as text instead of reading them as directives', () => {
    const r = parseLesson(
      lesson({
        front: { track: 'production' },
        body: `A ratio of 4:1 and an A:B test.\n\n:::quiz{id=q}\nWhich?\n\n- [x] 4:1\n  Right.\n- [ ] 2:1\n  No.\n- [ ] 8:1\n  No.\n:::`,
      }),
      'x.md',
    );
    expect(r.problems).toEqual([]);
    const html = JSON.stringify(r.parsed?.lesson.steps);
    expect(html).toContain('A ratio of 4:1 and an A:B test.');
    expect(html).toContain('"html":"4:1"');
  });

  it('splits steps at ## headings; text before the first heading is the introduction', () => {
    const r = parseLesson(
      lesson({ body: 'Hello.\n\n## One\nText.\n\n## Two\n::exercise{kind="eq-boost"}' }),
      'x.md',
    );
    expect(r.parsed?.lesson.stepTitles).toEqual(['Introduction', 'One', 'Two']);
  });
});

describe('a lesson with a mistake names the file, the line and the reason', () => {
  it('unknown directive', () => {
    expect(one(lesson({ body: '## A\n::video{src="x"}\n::exercise{kind="eq-boost"}' }))).toEqual([
      expect.stringMatching(/^lessons\/x\.md:13: unknown directive "::video"/),
    ]);
    expect(one(lesson({ body: '## A\n:::note\nHi\n:::\n::exercise{kind="eq-boost"}' }))[0]).toMatch(
      /^lessons\/x\.md:13: unknown directive ":::note"/,
    );
    expect(
      one(lesson({ body: '## A\nSee :term[EQ]{id=eq} here.\n\n::exercise{kind="eq-boost"}' }))[0],
    ).toMatch(/^lessons\/x\.md:13: unknown directive ":term" inside text/);
  });

  it('missing or invalid front-matter field', () => {
    expect(one(lesson({ front: { minutes: null } }))).toEqual([
      'lessons/x.md:2: front matter is missing "minutes"',
    ]);
    expect(one(lesson({ front: { track: 'drums' } }))).toEqual([
      'lessons/x.md:4: "track" must be production or mixing, not "drums"',
    ]);
    expect(one(lesson({ front: { order: '0' } }))[0]).toMatch(
      /^lessons\/x\.md:5: "order" must be a whole number/,
    );
    expect(one(lesson({ front: { id: 'Has Spaces' } }))[0]).toMatch(
      /^lessons\/x\.md:2: "id" must be lower-case/,
    );
    expect(one(lesson({ front: { objectives: '[]' } }))).toEqual([
      'lessons/x.md:7: "objectives" needs at least one item',
    ]);
    expect(one(lesson({ front: { prerequisite: '[a]' } }))[0]).toMatch(
      /^lessons\/x\.md:10: unknown front-matter field "prerequisite"/,
    );
    expect(one(lesson({ front: { title: 'EQ: where things live' } }))[0]).toMatch(
      /^lessons\/x\.md:3: front matter is not valid YAML/,
    );
    expect(one('# Just a heading\n')).toEqual([
      'lessons/x.md:1: a lesson starts with front matter between two "---" lines (id, title, track, …)',
    ]);
  });

  it('unknown exercise kind or level', () => {
    expect(
      one(lesson({ body: '## A\n::listen{song="pink" a="flat"}\n\n::exercise{kind="eq-bost" level=1}' })),
    ).toEqual([
      'lessons/x.md:15: ::exercise: unknown exercise kind "eq-bost" (kinds: eq-boost, prod-or-mix)',
    ]);
    expect(one(lesson({ body: '## A\n::exercise{kind="prod-or-mix" level=4}' }))).toEqual([
      'lessons/x.md:13: ::exercise: "prod-or-mix" has levels 1 to 3, not 4',
    ]);
  });

  it('bad prerequisite', () => {
    expect(one(lesson({ front: { prerequisites: '[no-such-lesson]' } }))).toEqual([
      'lessons/x.md:8: prerequisite "no-such-lesson" is not a lesson id',
    ]);
    expect(one(lesson({ front: { prerequisites: '[sample]' } }))).toEqual([
      'lessons/x.md:8: lesson "sample" lists itself as a prerequisite',
    ]);
  });

  it('quiz without exactly one correct answer, or without explanations', () => {
    const quiz = (choices: string) => lesson({ body: `## Q\n:::quiz{id=q}\nWhich one?\n\n${choices}\n:::` });
    expect(one(quiz('- [x] A\n  Yes.\n- [x] B\n  Also yes.'))).toEqual([
      'lessons/x.md:14: :::quiz: a question needs exactly one correct choice marked [x], this one has 2',
    ]);
    expect(one(quiz('- [ ] A\n  No.\n- [ ] B\n  No.'))).toEqual([
      'lessons/x.md:14: :::quiz: a question needs exactly one correct choice marked [x], this one has 0',
    ]);
    expect(one(quiz('- [x] A\n- [ ] B\n  No.'))).toEqual([
      'lessons/x.md:16: :::quiz: every choice needs an explanation on the lines under it (why it is right or wrong)',
    ]);
    expect(one(quiz('- A\n  Yes.\n- [ ] B\n  No.'))[0]).toBe(
      'lessons/x.md:16: :::quiz: every choice starts with "[ ]" (wrong) or "[x]" (right)',
    );
    expect(one(lesson({ body: '## Q\n:::quiz\nWhich?\n\n- [x] A\n  Yes.\n- [ ] B\n  No.\n:::' }))).toEqual([
      'lessons/x.md:13: ::quiz: "id" is required',
    ]);
  });

  it('duplicate lesson id', () => {
    expect(
      mistakes(
        { file: 'lessons/a.md', text: lesson() },
        { file: 'lessons/b.md', text: lesson({ front: { order: '2' } }) },
      ),
    ).toEqual(['lessons/b.md:2: duplicate lesson id "sample" (also in lessons/a.md)']);
  });

  it('prerequisite cycle', () => {
    const a = lesson({ id: 'a', front: { prerequisites: '[b]' } });
    const b = lesson({ id: 'b', front: { order: '2', prerequisites: '[a]' } });
    expect(mistakes({ file: 'lessons/a.md', text: a }, { file: 'lessons/b.md', text: b })).toEqual([
      'lessons/b.md:8: prerequisite cycle: a → b → a',
    ]);
  });

  it('two lessons with the same order in a track', () => {
    expect(
      mistakes(
        { file: 'lessons/a.md', text: lesson({ id: 'a' }) },
        { file: 'lessons/b.md', text: lesson({ id: 'b' }) },
      ),
    ).toEqual(['lessons/b.md:5: order 1 is already taken in the mixing track by lessons/a.md']);
  });

  it('wrong block attributes and settings', () => {
    const body = (line: string) => lesson({ body: `## A\n${line}\n\n::exercise{kind="eq-boost"}` });
    expect(one(body('::listen{song="pop-3" track="vocal" b="bell 3k"}'))).toEqual([
      'lessons/x.md:13: ::listen: "b": expected EQ gain in dB, got ""',
    ]);
    expect(one(body('::listen{song="jazz-1" b="gain -3"}'))[0]).toMatch(
      /^lessons\/x\.md:13: ::listen: "song" must be "pink" or a style/,
    );
    expect(one(body('::listen{song="pop-3" b="gain -3" volume=3}'))[0]).toMatch(
      /^lessons\/x\.md:13: ::listen: unknown attribute "volume"/,
    );
    expect(one(body('::mixer{song="pop-3" controls="fader,reverb"}'))[0]).toMatch(
      /^lessons\/x\.md:13: ::mixer: "controls" must list some of/,
    );
    expect(one(body('::diagram{name="waveform"}'))[0]).toMatch(
      /^lessons\/x\.md:13: ::diagram: no diagram called "waveform"/,
    );
  });

  it('no graded block, a # heading, an image, raw HTML, a link to a missing lesson', () => {
    expect(one(lesson({ body: '## A\nJust text.' }))).toEqual([
      'lessons/x.md:1: a lesson needs at least one ::exercise or :::quiz with a pass mark, so it can be completed',
    ]);
    const body = (line: string) => one(lesson({ body: `## A\n${line}\n\n::exercise{kind="eq-boost"}` }));
    expect(body('# Title')).toEqual([
      'lessons/x.md:13: use "##" headings for steps: the lesson title comes from the front matter',
    ]);
    expect(body('![a picture](pic.png)')[0]).toMatch(/^lessons\/x\.md:13: images are not supported/);
    expect(body('<div>hi</div>')[0]).toMatch(/^lessons\/x\.md:13: raw HTML is not allowed/);
    expect(body('See [the next one](/learn/nope).')).toEqual([
      'lessons/x.md:13: link to /learn/nope: no lesson has that id',
    ]);
  });
});
