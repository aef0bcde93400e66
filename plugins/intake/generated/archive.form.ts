/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/archive.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface ArchiveData {
  /**
   * @maxItems 8
   */
  archivedDocuments:
    | []
    | [
        | 'moveInNotice'
        | 'idCopies'
        | 'agentIdCopy'
        | 'companyCertificate'
        | 'registrationForm'
        | 'agreements'
        | 'keyRegister'
        | 'inspectionForm'
      ]
    | [
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        )
      ]
    | [
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        )
      ]
    | [
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        )
      ]
    | [
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        )
      ]
    | [
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        )
      ]
    | [
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        )
      ]
    | [
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        ),
        (
          | 'moveInNotice'
          | 'idCopies'
          | 'agentIdCopy'
          | 'companyCertificate'
          | 'registrationForm'
          | 'agreements'
          | 'keyRegister'
          | 'inspectionForm'
        )
      ];
  archiveLocation: string;
}
