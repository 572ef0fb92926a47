// Counts on the tabs: Thẩm định shows how many waiting items this reviewer may decide across the subtrees of their
// reviewer roles; Việc của tôi shows how many items ask for action now (sent back, overdue, drafts to send).
import { hasRole, state } from './state.js';
import { loadQueue } from './review-queue.js';
import { loadMyWork, URGENT } from './my-work.js';

function setCount(page, count, title) {
  const link = document.querySelector(`#nav a[data-nav="${page}"]`);
  if (!link) return;
  let badge = link.querySelector('.tab-count');
  if (!badge) {
    badge = document.createElement('span');
    badge.className = 'tab-count';
    link.append(' ', badge);
  }
  badge.textContent = String(count);
  badge.hidden = !count;
  badge.title = title;
  link.setAttribute('aria-label', count ? `${link.firstChild.textContent.trim()}: ${title}` : link.firstChild.textContent.trim());
}

async function reviewCount() {
  const roots = [...new Set((state.session?.grants || []).filter((g) => g.role === 'reviewer').map((g) => g.unitId))];
  const seen = new Set();
  for (const root of roots) {
    const { items } = await loadQueue(root);
    items.filter((i) => i.canDecide).forEach((i) => seen.add(`${i.kind}|${i.itemId}|${i.unitId}|${i.period || ''}`));
  }
  setCount('tham-dinh', seen.size, `${seen.size} hồ sơ chờ bạn thẩm định`);
}

async function workCount() {
  const { items } = await loadMyWork();
  const count = items.filter((i) => URGENT.includes(i.section)).length;
  setCount('viec-cua-toi', count, `${count} việc cần làm ngay (bị trả lại, quá hạn, chờ gửi)`);
}

/** Refreshes the counts on the tabs the user has; never throws. */
export async function refreshNavCounts() {
  if (!state.session) return;
  const jobs = [];
  if (hasRole('reviewer')) jobs.push(reviewCount());
  if (hasRole('staff', 'head')) jobs.push(workCount());
  const results = await Promise.allSettled(jobs);
  results.filter((r) => r.status === 'rejected').forEach((r) => console.error(r.reason));
}
