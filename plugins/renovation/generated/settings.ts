/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/renovation/plugin.json (config.schema)
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export type RenovationSettings = {
  fireReview: {
    areaThreshold: number;
  };
  deposit: {
    byUse: {
      residential: string;
      commercial: string;
    };
    largeAreaFrom: number;
    largeAreaAmount: string;
  };
  fees: {
    managementFeePerSqm: string;
    workerPassFee: string;
    debrisFeeItem: string;
    insuranceFee?: string;
    extinguisherRentalFee?: string;
  };
  workingHours: {
    /**
     * @maxItems 6
     */
    workday:
      | []
      | [
          {
            from: string;
            to: string;
          }
        ]
      | [
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          }
        ]
      | [
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          }
        ]
      | [
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          }
        ]
      | [
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          }
        ]
      | [
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          }
        ];
    /**
     * @maxItems 6
     */
    restDay:
      | []
      | [
          {
            from: string;
            to: string;
          }
        ]
      | [
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          }
        ]
      | [
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          }
        ]
      | [
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          }
        ]
      | [
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          }
        ]
      | [
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          },
          {
            from: string;
            to: string;
          }
        ];
    firstMoveIn?: {
      firstMoveInOn?: string;
      days: number;
      /**
       * @maxItems 6
       */
      hours:
        | []
        | [
            {
              from: string;
              to: string;
            }
          ]
        | [
            {
              from: string;
              to: string;
            },
            {
              from: string;
              to: string;
            }
          ]
        | [
            {
              from: string;
              to: string;
            },
            {
              from: string;
              to: string;
            },
            {
              from: string;
              to: string;
            }
          ]
        | [
            {
              from: string;
              to: string;
            },
            {
              from: string;
              to: string;
            },
            {
              from: string;
              to: string;
            },
            {
              from: string;
              to: string;
            }
          ]
        | [
            {
              from: string;
              to: string;
            },
            {
              from: string;
              to: string;
            },
            {
              from: string;
              to: string;
            },
            {
              from: string;
              to: string;
            },
            {
              from: string;
              to: string;
            }
          ]
        | [
            {
              from: string;
              to: string;
            },
            {
              from: string;
              to: string;
            },
            {
              from: string;
              to: string;
            },
            {
              from: string;
              to: string;
            },
            {
              from: string;
              to: string;
            },
            {
              from: string;
              to: string;
            }
          ];
    };
  };
  patrols: {
    departments: {
      [k: string]: {
        title: {
          'zh-CN': string;
          en?: string;
        };
        /**
         * @minItems 1
         * @maxItems 20
         */
        roles:
          | [string]
          | [string, string]
          | [string, string, string]
          | [string, string, string, string]
          | [string, string, string, string, string]
          | [string, string, string, string, string, string]
          | [string, string, string, string, string, string, string]
          | [string, string, string, string, string, string, string, string]
          | [string, string, string, string, string, string, string, string, string]
          | [string, string, string, string, string, string, string, string, string, string]
          | [string, string, string, string, string, string, string, string, string, string, string]
          | [string, string, string, string, string, string, string, string, string, string, string, string]
          | [string, string, string, string, string, string, string, string, string, string, string, string, string]
          | [
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string
            ]
          | [
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string
            ]
          | [
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string
            ]
          | [
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string
            ]
          | [
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string
            ]
          | [
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string
            ]
          | [
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string
            ];
        minPerDay: number;
      };
    };
    escalateTo: string;
  };
  penalties: {
    [k: string]: {
      title: {
        'zh-CN': string;
        en?: string;
      };
      amount: string;
      outsideHoursOnly?: boolean;
    };
  };
  topUpDeadline: {
    amount: number;
    unit: 'hours' | 'days' | 'workingDays';
  };
  utilityCut: {
    noticeHours: number;
  };
  pledge: {
    /**
     * @minItems 1
     * @maxItems 60
     */
    rules: [
      {
        text: string;
      },
      ...{
        text: string;
      }[]
    ];
  };
};
