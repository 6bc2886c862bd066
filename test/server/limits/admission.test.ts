/**
 * Server-wide cost admission: heavy requests run a few at a time and queue in order; cheap ones
 * always start; a request that cannot start before its deadline is refused with a code.
 */
import { describe, expect, it } from 'vitest';
import { Admission } from '../../../src/server/limits/admission.js';

describe('Admission', () => {
  it('lets heavy requests in while they fit, queues the rest in order, never holds cheap ones', async () => {
    const a = new Admission(2000, 50);
    const far = Date.now() + 10_000;
    const r1 = await a.admit(900, far);
    const r2 = await a.admit(900, far);
    const order: string[] = [];
    const third = a.admit(900, far).then((r) => (order.push('third'), r));
    const fourth = a.admit(300, far).then((r) => (order.push('fourth'), r));
    const cheap = await a.admit(10, far);
    expect(a.inFlight).toBe(1810);
    cheap();
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual([]);
    r1();
    (await third)();
    r2();
    (await fourth)();
    expect(order).toEqual(['third', 'fourth']);
    expect(a.inFlight).toBe(0);
  });

  it('refuses with SERVICE_UNAVAILABLE when a request cannot start before its deadline', async () => {
    const a = new Admission(1000, 50);
    const hold = await a.admit(1000, Date.now() + 1000);
    await expect(a.admit(600, Date.now() + 20)).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
    hold();
    expect(a.inFlight).toBe(0);
  });
});
