/** What one of the kernel's own CLI commands is (listed in core-commands.ts). */
import type { Kernel } from '../kernel.js';

export interface CoreCommand {
  summary: string;
  /** usage line shown by `npm run wuye -- help` */
  usage?: string;
  /** returns the process exit code */
  run(args: string[], kernel: Kernel): Promise<number>;
}
