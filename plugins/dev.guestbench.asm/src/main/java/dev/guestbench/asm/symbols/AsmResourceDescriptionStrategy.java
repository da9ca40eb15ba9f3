package dev.guestbench.asm.symbols;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionStrategy;
import org.eclipse.xtext.util.IAcceptor;

import dev.guestbench.asm.model.Label;
import dev.guestbench.asm.model.Line;
import dev.guestbench.asm.model.Program;
import dev.guestbench.asm.model.Statement;
import dev.guestbench.asm.model.SymbolReference;

/**
 * What a file offers other files in the index: its labels and .equ/.set/.comm symbols, by name (numeric
 * local labels stay local). Other files' references to them are checked and navigated through the index.
 */
public class AsmResourceDescriptionStrategy extends DefaultResourceDescriptionStrategy {

    @Override
    public boolean createEObjectDescriptions(EObject object, IAcceptor<IEObjectDescription> acceptor) {
        if (object instanceof Program || object instanceof Line) {
            return true;
        }
        if (object instanceof Label label && label.getName() != null && !SymbolTable.isNumeric(label.getName())) {
            acceptor.accept(EObjectDescription.create(QualifiedName.create(label.getName()), label));
        } else if (object instanceof Statement s && SymbolTable.DEFINING_DIRECTIVES.contains(s.getOperation())
                && !s.getOperands().isEmpty() && s.getOperands().get(0) instanceof SymbolReference ref
                && ref.getName() != null) {
            acceptor.accept(EObjectDescription.create(QualifiedName.create(ref.getName()), s));
        }
        return false;
    }
}
