// A node:test reporter for the Swift test that runs these files: one JSON line with every test's
// name, file and outcome, so the count comes from the runner's own events, not from its text.
export default async function* countingReporter(source) {
  const tests = [];
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { name, file, details } = event.data;
    if (details?.type === 'suite') continue;
    const error = event.type === 'test:fail' ? String(details?.error?.cause?.message ?? details?.error?.message ?? details?.error) : null;
    tests.push({ name, file: file ?? null, passed: event.type === 'test:pass', error });
  }
  yield JSON.stringify({ tests }) + '\n';
}
