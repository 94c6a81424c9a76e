import { describe, expect, it } from 'vitest';
import { findTerms, GLOSSARY } from '../../src/ui/glossary.ts';

const terms = (text: string, lang: 'en' | 'ko') => findTerms(text, lang).filter((s) => s.termId).map((s) => [s.text, s.termId]);

describe('findTerms', () => {
  it('keeps the text intact', () => {
    const text = 'kube-scheduler learns of the pod through its watch; kubelet renews its Lease.';
    expect(findTerms(text, 'en').map((s) => s.text).join('')).toBe(text);
  });

  it('finds terms on word boundaries, longest first', () => {
    expect(terms('kube-apiserver writes etcd; the API server answers.', 'en')).toEqual([
      ['kube-apiserver', 'kube-apiserver'],
      ['etcd', 'etcd'],
    ]);
    expect(terms('the watcher and crictl are not terms', 'en')).toEqual([]);
    expect(terms('A taint with a toleration', 'en')).toEqual([
      ['taint', 'taint'],
      ['toleration', 'toleration'],
    ]);
  });

  it('matches Korean forms followed by particles', () => {
    expect(terms('kube-scheduler는 워치로 파드를 알게 되고 테인트가 붙습니다', 'ko')).toEqual([
      ['kube-scheduler', 'kube-scheduler'],
      ['워치', 'watch'],
      ['테인트', 'taint'],
    ]);
  });

  it('finds 리스 (Lease) only as a word, not inside 리스트', () => {
    expect(terms('kubelet은 리스를 갱신합니다', 'ko')).toEqual([
      ['kubelet', 'kubelet'],
      ['리스를', 'lease'],
    ]);
    expect(terms('파드 리스트를 봅니다', 'ko')).toEqual([]);
  });

  it('defines every term in both languages', () => {
    for (const entry of GLOSSARY) {
      expect(entry.definition.en.length, entry.id).toBeGreaterThan(30);
      expect(entry.definition.ko.length, entry.id).toBeGreaterThan(15);
      expect(entry.definition.ko, entry.id).toMatch(/[가-힣]/);
      expect(entry.forms.en.length + entry.forms.ko.length, entry.id).toBeGreaterThan(1);
    }
  });
});
