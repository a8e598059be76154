import { describe, expect, it } from 'vitest';
import { keyedQueue } from '../../src/store/keyedQueue.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('the keyed queue', () => {
  it('runs tasks of one key one at a time, in order, and other keys alongside', async () => {
    const queue = keyedQueue();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const task = (name: string) => async () => {
      running++;
      most = Math.max(most, running);
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      running--;
      return name;
    };
    const a = await Promise.all([
      queue.run('a', task('a1')),
      queue.run('a', task('a2')),
      queue.run('a', task('a3')),
    ]);
    expect(a).toEqual(['a1', 'a2', 'a3']);
    expect(log).toEqual(['start a1', 'end a1', 'start a2', 'end a2', 'start a3', 'end a3']);
    expect(most).toBe(1);
    most = 0;
    await Promise.all([queue.run('a', task('x')), queue.run('b', task('y'))]);
    expect(most).toBe(2);
  });

  it('goes on after a failed task and forgets idle keys', async () => {
    const queue = keyedQueue();
    const failed = queue.run('k', () => Promise.reject(new Error('boom')));
    const thrown = queue.run('k', () => {
      throw new Error('sync boom');
    });
    let release = () => {};
    const next = queue.run('k', () => new Promise<number>((resolve) => (release = () => resolve(42))));
    await expect(failed).rejects.toThrow('boom');
    await expect(thrown).rejects.toThrow('sync boom');
    await tick();
    expect(queue.activeKeys).toBe(1);
    release();
    await expect(next).resolves.toBe(42);
    await tick();
    expect(queue.activeKeys).toBe(0);
  });
});
