import { scoreWithContext } from '../context';
import { isIpv4Valid, isIpv6Valid } from '../validators';
import { type TDetection } from '../types';
import { type TRecognizer } from './recognizer';

const IPV4 = /(?<![\p{L}\p{N}_.-])\d{1,3}(?:\.\d{1,3}){3}(?![\p{L}\p{N}_-]|\.\d)/gu;
const IPV6 = /(?<![\p{L}\p{N}_:.-])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|\d{1,3}(?:\.\d{1,3}){3})?(?![\p{L}\p{N}_:-])/gu;

const CONTEXT = { positive: ['ip', 'address', 'ipv4', 'ipv6', 'adresse', 'dirección', 'indirizzo', 'endereço', 'from', 'host'], negative: true };

export const ipAddressRecognizer: TRecognizer = {
  type: 'IP_ADDRESS',
  mayMatch: (f) => f.strictRunMaxDots >= 3 || f.hexColonMax >= 2,
  detect(text) {
    const found: TDetection[] = [];
    IPV4.lastIndex = 0;
    for (let m = IPV4.exec(text); m; m = IPV4.exec(text)) {
      if (!isIpv4Valid(m[0])) continue;
      found.push({ type: 'IP_ADDRESS', start: m.index, end: m.index + m[0].length, score: scoreWithContext(text, m.index, 0.7, CONTEXT) });
    }
    IPV6.lastIndex = 0;
    for (let m = IPV6.exec(text); m; m = IPV6.exec(text)) {
      const raw = m[0];
      // Times ("12:30:45") have no '::' and fewer than eight groups, so the validator rejects them.
      if (raw.length < 3 || !isIpv6Valid(raw)) continue;
      if (!/[0-9A-Fa-f]{2}/.test(raw)) continue;
      found.push({ type: 'IP_ADDRESS', start: m.index, end: m.index + raw.length, score: scoreWithContext(text, m.index, 0.75, CONTEXT) });
    }
    return found;
  },
};
