// Chart labels: a long group or unit name is shortened at a word boundary, never cut mid-word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitLabel } from '../../Services/Gateway/Web/Static/charts.js';

const title = 'I. Nâng cao nhận thức, đột phá về đổi mới tư duy, có quyết tâm chính trị mạnh mẽ';

test('a label that fits is unchanged', () => {
  assert.equal(fitLabel('Phường Bình Long', 40), 'Phường Bình Long');
});

test('a long label ends at a whole word with an ellipsis, within the width', () => {
  const short = fitLabel(title, 45);
  assert.ok(short.length <= 45, short);
  assert.ok(short.endsWith('…'));
  const kept = short.slice(0, -1);
  assert.ok(title.startsWith(kept));
  assert.ok(title[kept.length] === ' ' || title[kept.length] === ',', `cut mid-word: "${short}"`);
  assert.equal(short, 'I. Nâng cao nhận thức, đột phá về đổi mới tư…');
});

test('trailing punctuation goes before the ellipsis; one overlong word is cut as a last resort', () => {
  assert.equal(fitLabel('Nâng cao nhận thức, đột phá', 20), 'Nâng cao nhận thức…');
  assert.equal(fitLabel('Chuyểnđổisốtoàndiện', 8), 'Chuyểnđ…');
  assert.equal(fitLabel('', 10), '');
});
