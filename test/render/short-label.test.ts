import { describe, expect, it } from 'vitest';
import { activityForms, shortForms } from '../../src/render/short-label.ts';

describe('token labels, shortened by whole words', () => {
  it('an etcd key drops its rest, then its name, then keeps the verb and resource', () => {
    expect(shortForms('txn put /registry/pods/default/web-7d9f8c-x2k4q')).toEqual(['txn put /registry/pods/default/web-7d9f8c-x2k4q', 'put pods/web-7d9f8c-x2k4q', 'put pods/web', 'put pods']);
  });

  it('a watch drops "watch:", an aside goes, then trailing words one at a time', () => {
    expect(shortForms('watch: MODIFIED ×3').slice(0, 3)).toEqual(['watch: MODIFIED ×3', 'MODIFIED ×3', 'watch: MODIFIED']);
    expect(shortForms('POST event (Unhealthy)')).toContain('POST event');
  });
});

describe("a station's activity line that does not fit", () => {
  it('drops a closing aside before cutting a word: "sandbox (pause)" -> "sandbox"', () => {
    expect(activityForms('sandbox (pause)')).toEqual(['sandbox']);
    expect(activityForms('PATCH node (taint)')).toEqual(['PATCH node']);
  });

  it('falls back to its head before ": " (not a port\'s colon), after the form without its aside', () => {
    expect(activityForms('authenticate: x509 client certificate (CN=kubectl)')).toEqual(['authenticate: x509 client certificate', 'authenticate']);
    expect(activityForms('10.96.0.1:443')).toEqual([]);
    expect(activityForms('SyncPod nginx')).toEqual([]);
  });

  it('keeps the first of the clauses after its head, before the head alone', () => {
    expect(activityForms('Filter: 100 nodes fit · 149 of 150 checked, enough to stop (web-5d9f8c-x2k4q)')).toEqual([
      'Filter: 100 nodes fit · 149 of 150 checked, enough to stop',
      'Filter: 100 nodes fit',
      'Filter',
    ]);
    expect(activityForms('필터: 100대 적합 · 노드 150대 중 149대 확인, 충분하므로 중단 (web-5d9f8c-x2k4q)')[1]).toBe('필터: 100대 적합');
    expect(activityForms('Filter: 3/3 nodes fit (nginx)')).toEqual(['Filter: 3/3 nodes fit', 'Filter']);
  });

  it('never cuts a list of reasons to its first: a card would read it as the whole list', () => {
    const reasons = "0/4 nodes fit: 1 node(s) had untolerated taint(s), 3 node(s) didn't match pod anti-affinity rules (cache-7d9f8c-x2k4q)";
    expect(activityForms(reasons)).toEqual(["0/4 nodes fit: 1 node(s) had untolerated taint(s), 3 node(s) didn't match pod anti-affinity rules", '0/4 nodes fit']);
    expect(activityForms('배치 불가: 노드 1대 허용하지 않은 테인트, 노드 3대 안티어피니티 불일치 (cache-7d9f8c-x2k4q)')).toEqual(['배치 불가: 노드 1대 허용하지 않은 테인트, 노드 3대 안티어피니티 불일치', '배치 불가']);
  });
});
