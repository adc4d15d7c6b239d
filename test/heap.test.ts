import v8 from 'node:v8';
import { loadConfig } from '../src/config';
import { limitHeapGrowth } from '../src/heap';

describe('limitHeapGrowth', () => {
  let setFlags: jest.SpyInstance;

  beforeEach(() => {
    setFlags = jest.spyOn(v8, 'setFlagsFromString').mockImplementation(() => undefined);
  });

  afterEach(() => setFlags.mockRestore());

  it('sets the heap growing factor the configuration names (25 % unless told)', () => {
    limitHeapGrowth(loadConfig({}).HEAP_GROWING_PERCENT);
    expect(setFlags).toHaveBeenCalledWith('--heap-growing-percent=25');
  });

  it('leaves V8 its own rule at 0', () => {
    limitHeapGrowth(loadConfig({ HEAP_GROWING_PERCENT: '0' }).HEAP_GROWING_PERCENT);
    expect(setFlags).not.toHaveBeenCalled();
  });

  it.each(['-1', '301', '12.5', 'much'])('refuses HEAP_GROWING_PERCENT=%s, naming it', (value) => {
    expect(() => loadConfig({ HEAP_GROWING_PERCENT: value })).toThrow(/HEAP_GROWING_PERCENT/);
  });
});
