// @vitest-environment jsdom
/// <reference lib="dom" />
/**
 * Remember Me: the user name, and only the user name, kept in this workstation's localStorage;
 * unchecked, the name is forgotten; where storage is refused (private mode) nothing breaks.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  rememberedUserName,
  rememberUserName,
} from '../../../src-renderer/lib/simulator/remember-me.js';

afterEach(() => localStorage.clear());

describe('Remember Me', () => {
  it('keeps the user name for the next visit, and nothing else', () => {
    expect(rememberedUserName()).toBe('');
    rememberUserName('AllisonBarry', true);
    expect(rememberedUserName()).toBe('AllisonBarry');
    expect(Object.values({ ...localStorage })).toEqual(['AllisonBarry']);
  });

  it('forgets the name when the box is unchecked', () => {
    rememberUserName('AllisonBarry', true);
    rememberUserName('AllisonBarry', false);
    expect(rememberedUserName()).toBe('');
    expect(localStorage.length).toBe(0);
  });

  it('keeps the newest name only', () => {
    rememberUserName('AllisonBarry', true);
    rememberUserName('FrontDesk', true);
    expect(rememberedUserName()).toBe('FrontDesk');
    expect(localStorage.length).toBe(1);
  });

  it('does nothing, without failing, where the browser refuses storage', () => {
    const refused = Object.getOwnPropertyDescriptor(window, 'localStorage');
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    try {
      expect(() => rememberUserName('AllisonBarry', true)).not.toThrow();
      expect(rememberedUserName()).toBe('');
    } finally {
      if (refused) Object.defineProperty(window, 'localStorage', refused);
    }
  });
});
