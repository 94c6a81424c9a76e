import { describe, expect, it } from 'vitest';
import { particle, withParticle } from '../../src/model/josa.ts';

describe('Korean particles follow the sound the word ends with', () => {
  it('Hangul with and without a final consonant', () => {
    expect(withParticle('사과', '이/가')).toBe('사과가');
    expect(withParticle('책', '이/가')).toBe('책이');
    expect(withParticle('노드', '을/를')).toBe('노드를');
    expect(withParticle('파드', '은/는')).toBe('파드는');
    expect(withParticle('컨트롤러', '와/과')).toBe('컨트롤러와');
    expect(withParticle('레플리카셋', '와/과')).toBe('레플리카셋과');
  });

  it('ㄹ takes 로, not 으로', () => {
    expect(withParticle('서울', '으로/로')).toBe('서울로');
    expect(withParticle('노드', '으로/로')).toBe('노드로');
    expect(withParticle('책', '으로/로')).toBe('책으로');
    expect(withParticle('kubectl', '으로/로')).toBe('kubectl로');
  });

  it('digits by their Sino-Korean reading', () => {
    expect(withParticle('1', '이/가')).toBe('1이'); // 일
    expect(withParticle('1', '으로/로')).toBe('1로'); // 일: ㄹ
    expect(withParticle('2', '이/가')).toBe('2가'); // 이
    expect(withParticle('3', '을/를')).toBe('3을'); // 삼
    expect(withParticle('3', '이/가')).toBe('3이');
    expect(withParticle('6', '이/가')).toBe('6이'); // 육
    expect(withParticle('449', '이/가')).toBe('449가'); // 구
    expect(withParticle('10', '이/가')).toBe('10이'); // 십
    expect(withParticle('100', '으로/로')).toBe('100으로'); // 백
    expect(withParticle('0', '은/는')).toBe('0은'); // 영
    expect(withParticle('8', '으로/로')).toBe('8로'); // 팔
  });

  it('names and identifiers ending in a digit', () => {
    expect(withParticle('worker-2', '이/가')).toBe('worker-2가');
    expect(withParticle('worker-2', '을/를')).toBe('worker-2를');
    expect(withParticle('worker-3', '을/를')).toBe('worker-3을');
    expect(withParticle('etcd-1', '이/가')).toBe('etcd-1이');
    expect(withParticle('10.244.1.5', '으로/로')).toBe('10.244.1.5로');
    expect(withParticle('10.244.1.6', '으로/로')).toBe('10.244.1.6으로');
  });

  it('Latin words by their usual Korean reading', () => {
    expect(withParticle('pod', '이/가')).toBe('pod이'); // 팟
    expect(withParticle('node', '이/가')).toBe('node가'); // 노드
    expect(withParticle('etcd', '이/가')).toBe('etcd가'); // 엣시디
    expect(withParticle('kubelet', '이/가')).toBe('kubelet이'); // 큐블릿
    expect(withParticle('containerd', '와/과')).toBe('containerd와');
    expect(withParticle('kube-apiserver', '은/는')).toBe('kube-apiserver는');
    expect(withParticle('ReplicaSet', '을/를')).toBe('ReplicaSet을'); // 셋
    expect(withParticle('Running', '으로/로')).toBe('Running으로'); // 닝
    expect(withParticle('Unknown', '이/가')).toBe('Unknown이');
    expect(withParticle('CoreDNS', '이/가')).toBe('CoreDNS가'); // 에스
    expect(withParticle('CNI', '이/가')).toBe('CNI가'); // 아이
    expect(withParticle('URL', '으로/로')).toBe('URL로'); // 엘
  });

  it('a silent final e keeps the sound of the n, m or l before it (reviewer: controlplane로)', () => {
    expect(withParticle('controlplane', '으로/로')).toBe('controlplane으로'); // 컨트롤플레인
    expect(withParticle('controlplane', '을/를')).toBe('controlplane을');
    expect(withParticle('zone', '이/가')).toBe('zone이'); // 존
    expect(withParticle('runtime', '은/는')).toBe('runtime은'); // 런타임
    expect(withParticle('file', '으로/로')).toBe('file로'); // 파일: ㄹ takes 로
    expect(withParticle('cache', '이/가')).toBe('cache가'); // 캐시
    expect(withParticle('service', '을/를')).toBe('service를'); // 서비스
  });

  it('mixed identifiers end with the sound of their last run', () => {
    expect(withParticle('web-7d9f', '이/가')).toBe('web-7d9f가'); // 에프
    expect(withParticle('web-7d9f5-x2kq', '을/를')).toBe('web-7d9f5-x2kq를'); // 큐
    expect(particle('“worker-1”', '을/를')).toBe('을'); // a closing quote is not a sound
  });
});
