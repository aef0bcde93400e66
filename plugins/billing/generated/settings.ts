/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/billing/plugin.json (config.schema)
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export type BillingSettings = {
  cycle: 'month' | 'quarter' | 'halfYear';
  cycles: {
    month: {
      months: 1 | 2 | 3 | 4 | 6 | 12;
      firstMonth: number;
      notice: {
        monthsBefore: number;
        day: number;
      };
      paymentTerm: {
        months?: number;
        days?: number;
      };
      reminder: {
        monthsAfterStart: number;
        day: number;
        term: {
          months?: number;
          days?: number;
        };
      };
      finalNotice: {
        afterReminderDays: number;
        term: {
          months?: number;
          days?: number;
        };
      };
    };
    quarter: {
      months: 1 | 2 | 3 | 4 | 6 | 12;
      firstMonth: number;
      notice: {
        monthsBefore: number;
        day: number;
      };
      paymentTerm: {
        months?: number;
        days?: number;
      };
      reminder: {
        monthsAfterStart: number;
        day: number;
        term: {
          months?: number;
          days?: number;
        };
      };
      finalNotice: {
        afterReminderDays: number;
        term: {
          months?: number;
          days?: number;
        };
      };
    };
    halfYear: {
      months: 1 | 2 | 3 | 4 | 6 | 12;
      firstMonth: number;
      notice: {
        monthsBefore: number;
        day: number;
      };
      paymentTerm: {
        months?: number;
        days?: number;
      };
      reminder: {
        monthsAfterStart: number;
        day: number;
        term: {
          months?: number;
          days?: number;
        };
      };
      finalNotice: {
        afterReminderDays: number;
        term: {
          months?: number;
          days?: number;
        };
      };
    };
  };
  feeItems: {
    [k: string]: null | {
      title: {
        'zh-CN': string;
        en?: string;
      };
      kind: 'area' | 'fixed' | 'metered' | 'oneOff';
      meter?: string;
      /**
       * @minItems 1
       * @maxItems 100
       */
      rates: [
        {
          from: string;
          byUnitType?: {
            [k: string]: string;
          };
          price?: string;
        },
        ...{
          from: string;
          byUnitType?: {
            [k: string]: string;
          };
          price?: string;
        }[]
      ];
      entrusted?: boolean;
      vacancyDiscount?: boolean;
      active?: boolean;
    };
  };
  entrustedFactor: string;
  vacancyFactor?: string;
  rounding: {
    places: number;
    mode: 'halfUp' | 'halfEven' | 'down' | 'up';
  };
  lateFee: {
    enabled: boolean;
    ratePerDay: string;
    base?: 'unpaidPrincipal' | 'billPrincipal';
    startsOn: 'periodStart' | 'dayAfterDue';
    chargeableAfter: 'due' | 'reminderDue' | 'finalDue';
    capOfPrincipal?: string;
    rounding: {
      places: number;
      mode: 'halfUp' | 'halfEven' | 'down' | 'up';
    };
  };
  overpayment: 'credit' | 'refuse';
  receiptPrefix: string;
  /**
   * @minItems 1
   * @maxItems 5
   */
  receiptCopies:
    | [
        {
          'zh-CN': string;
          en?: string;
        }
      ]
    | [
        {
          'zh-CN': string;
          en?: string;
        },
        {
          'zh-CN': string;
          en?: string;
        }
      ]
    | [
        {
          'zh-CN': string;
          en?: string;
        },
        {
          'zh-CN': string;
          en?: string;
        },
        {
          'zh-CN': string;
          en?: string;
        }
      ]
    | [
        {
          'zh-CN': string;
          en?: string;
        },
        {
          'zh-CN': string;
          en?: string;
        },
        {
          'zh-CN': string;
          en?: string;
        },
        {
          'zh-CN': string;
          en?: string;
        }
      ]
    | [
        {
          'zh-CN': string;
          en?: string;
        },
        {
          'zh-CN': string;
          en?: string;
        },
        {
          'zh-CN': string;
          en?: string;
        },
        {
          'zh-CN': string;
          en?: string;
        },
        {
          'zh-CN': string;
          en?: string;
        }
      ];
  handover: {
    beforeHandover: 'developer' | 'owner';
  };
  /**
   * @minItems 1
   * @maxItems 10
   */
  dunning:
    | [
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        }
      ]
    | [
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        }
      ]
    | [
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        }
      ]
    | [
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        }
      ]
    | [
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        }
      ]
    | [
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        }
      ]
    | [
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        }
      ]
    | [
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        }
      ]
    | [
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        }
      ]
    | [
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        },
        {
          code: string;
          title: {
            'zh-CN': string;
            en?: string;
          };
          afterMonthsUnpaid: number;
          message?: string;
        }
      ];
  collectionTargets: {
    thisMonth: string;
    lastMonth: string;
    monthBefore: string;
  };
  depositPurposes?: {
    [k: string]: {
      title: {
        'zh-CN': string;
        en?: string;
      };
    };
  };
};
