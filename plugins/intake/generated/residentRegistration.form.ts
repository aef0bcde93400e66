/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/residentRegistration.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface ResidentRegistrationData {
  /**
   * @minItems 1
   * @maxItems 20
   */
  householdMembers:
    | [
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        }
      ]
    | [
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        }
      ]
    | [
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        }
      ]
    | [
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        }
      ]
    | [
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        }
      ]
    | [
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        }
      ]
    | [
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        }
      ]
    | [
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        }
      ]
    | [
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        }
      ]
    | [
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        }
      ]
    | [
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        }
      ]
    | [
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        }
      ]
    | [
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        }
      ]
    | [
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        }
      ]
    | [
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        }
      ]
    | [
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        }
      ]
    | [
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        }
      ]
    | [
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        }
      ]
    | [
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        }
      ]
    | [
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        },
        {
          name: string;
          relation: 'owner' | 'spouse' | 'child' | 'parent' | 'tenant' | 'other';
          phone?: string;
          workplace?: string;
        }
      ];
  /**
   * @maxItems 5
   */
  contacts?:
    | []
    | [
        {
          name: string;
          phone: string;
          note?: string;
        }
      ]
    | [
        {
          name: string;
          phone: string;
          note?: string;
        },
        {
          name: string;
          phone: string;
          note?: string;
        }
      ]
    | [
        {
          name: string;
          phone: string;
          note?: string;
        },
        {
          name: string;
          phone: string;
          note?: string;
        },
        {
          name: string;
          phone: string;
          note?: string;
        }
      ]
    | [
        {
          name: string;
          phone: string;
          note?: string;
        },
        {
          name: string;
          phone: string;
          note?: string;
        },
        {
          name: string;
          phone: string;
          note?: string;
        },
        {
          name: string;
          phone: string;
          note?: string;
        }
      ]
    | [
        {
          name: string;
          phone: string;
          note?: string;
        },
        {
          name: string;
          phone: string;
          note?: string;
        },
        {
          name: string;
          phone: string;
          note?: string;
        },
        {
          name: string;
          phone: string;
          note?: string;
        },
        {
          name: string;
          phone: string;
          note?: string;
        }
      ];
  emergencyContact: {
    name: string;
    phone: string;
    relation: string;
  };
  /**
   * @maxItems 10
   */
  vehicles?:
    | []
    | [
        {
          plate: string;
          model?: string;
          color?: string;
        }
      ]
    | [
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        }
      ]
    | [
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        }
      ]
    | [
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        }
      ]
    | [
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        }
      ]
    | [
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        }
      ]
    | [
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        }
      ]
    | [
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        }
      ]
    | [
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        }
      ]
    | [
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        },
        {
          plate: string;
          model?: string;
          color?: string;
        }
      ];
  preliminaryContractSigned: true;
  covenantSigned: true;
  fireSafetyPledgeSigned: true;
  parkingLeaseSigned?: boolean;
  registrationSignature: string;
}
